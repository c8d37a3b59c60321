package io.surprisal.metrics;

import io.surprisal.config.Config;
import io.surprisal.config.ConfigKey;
import io.surprisal.config.Validator;
import io.surprisal.config.ValueType;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The keys of the metrics and health endpoint of {@code surprisal detect} and {@code surprisal
 * train}. The port's default depends on the command ({@link #DETECT_DEFAULT_PORT}, {@link
 * #TRAIN_DEFAULT_PORT}), so that a detector and a trainer on one host do not collide.
 */
public final class MetricsConfig {
  /** The detector's port unless {@code metrics.port} is set. */
  public static final int DETECT_DEFAULT_PORT = 8080;
  /** The trainer's port unless {@code metrics.port} is set. */
  public static final int TRAIN_DEFAULT_PORT = 8081;

  public static final ConfigKey<Integer> PORT = ConfigKey.optional("metrics.port", ValueType.INT,
      "Port of the HTTP endpoint serving /metrics (Prometheus), /health/live and /health/ready; 0 turns it"
          + " off. Default: " + DETECT_DEFAULT_PORT + " for detect, " + TRAIN_DEFAULT_PORT + " for train.")
      .validatedBy(Validator.between(0, 65_535));
  public static final ConfigKey<String> HOST = ConfigKey.withDefault("metrics.host", ValueType.STRING, "0.0.0.0",
      "Address the metrics endpoint listens on: 0.0.0.0 for every interface, 127.0.0.1 for this host only.")
      .validatedBy(Validator.of("a host name or IP address", host -> !host.isBlank()));

  /** The keys of this class, for {@link io.surprisal.config.ConfigKeys#ALL}. */
  public static final List<ConfigKey<?>> KEYS = List.of(PORT, HOST);

  private MetricsConfig() {}

  /**
   * Where the endpoint listens, or empty if {@code metrics.port} is 0.
   *
   * @param defaultPort the command's port when {@code metrics.port} is unset
   * @throws io.surprisal.config.ConfigException if a key's value is invalid
   */
  public static Optional<InetSocketAddress> address(Config config, int defaultPort) {
    int port = config.find(PORT).orElse(defaultPort);
    if (port == 0) {
      return Optional.empty();
    }
    return Optional.of(InetSocketAddress.createUnresolved(config.get(HOST), port));
  }
}
