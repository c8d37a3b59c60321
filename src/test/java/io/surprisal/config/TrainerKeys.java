package io.surprisal.config;

import java.time.Duration;
import java.util.List;

/** Keys of an imagined trainer command, to test the mechanism independently of the real ones. */
final class TrainerKeys {
  static final ConfigKey<Duration> RETRAIN_INTERVAL =
      ConfigKey.withDefault(
              "retrain.interval", ValueType.DURATION, Duration.ofMinutes(5), "How often to retrain.")
          .validatedBy(Validator.atLeast(Duration.ofSeconds(1), "1s"));
  static final ConfigKey<Integer> WINDOW_SIZE =
      ConfigKey.required("window.size", ValueType.INT, "Events per training window.")
          .validatedBy(Validator.atLeast(1));
  static final ConfigKey<Long> MODEL_MAX_BYTES =
      ConfigKey.withDefault("model.max_bytes", ValueType.SIZE, 1L << 20, "Largest model to publish.");
  static final ConfigKey<List<String>> FEATURES =
      ConfigKey.optional("features", ValueType.STRING_LIST, "Fields of the event to model.");

  static final List<ConfigKey<?>> KEYS =
      List.of(
          CommonConfig.BOOTSTRAP_SERVERS, RETRAIN_INTERVAL, WINDOW_SIZE, MODEL_MAX_BYTES, FEATURES);

  private TrainerKeys() {}
}
