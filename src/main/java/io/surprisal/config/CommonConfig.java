package io.surprisal.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keys every command that talks to Kafka understands. */
public final class CommonConfig {
  /** The Kafka brokers: {@code host:port[,host:port...]}. */
  public static final ConfigKey<String> BOOTSTRAP_SERVERS =
      ConfigKey.required(
              "bootstrap.servers",
              ValueType.STRING,
              "Kafka brokers to connect to first, as host:port[,host:port...].")
          .validatedBy(Validator.of("a non-empty host:port list", text -> !text.isEmpty()));

  /** The keys of this class, for {@link ConfigKeys#ALL}. */
  public static final List<ConfigKey<?>> KEYS = List.of(BOOTSTRAP_SERVERS);

  private CommonConfig() {}

  /**
   * The settings for a Kafka client or Kafka Streams: every {@linkplain Config#passThrough()
   * pass-through} setting plus {@code bootstrap.servers}. A new, modifiable map.
   *
   * @throws MissingConfigException if {@code bootstrap.servers} is unset
   */
  public static Map<String, Object> kafkaClientConfig(Config config) {
    Map<String, Object> result = new HashMap<>(config.passThrough());
    result.put(BOOTSTRAP_SERVERS.name(), config.get(BOOTSTRAP_SERVERS));
    return result;
  }
}
