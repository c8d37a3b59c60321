package io.surprisal.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keys that the trainer and the detector share, so that one properties file can configure both
 * ends of the models topic: the events' topic, the models topic and the model's name.
 */
public final class PipelineConfig {
  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** Accepts legal Kafka topic names. */
  public static final Validator<String> TOPIC = Validator.of(
      "a Kafka topic name (1 to 249 characters from a-z A-Z 0-9 . _ -)",
      name -> TOPIC_NAME.matcher(name).matches() && !name.equals(".") && !name.equals(".."));

  public static final ConfigKey<String> INPUT_TOPIC = ConfigKey.required("input.topic", ValueType.STRING,
      "Topic of the events: Avro record values in the schema registry's wire format. The trainer learns"
          + " from them, the detector scores them.")
      .validatedBy(TOPIC);
  public static final ConfigKey<String> MODELS_TOPIC = ConfigKey.withDefault("models.topic", ValueType.STRING,
      "surprisal-models", "Compacted topic of ModelVersion records, keyed by model name: the trainer publishes"
          + " to it, and every detector instance reads all of it.")
      .validatedBy(TOPIC);
  public static final ConfigKey<String> MODEL_NAME = ConfigKey.withDefault("model.name", ValueType.STRING,
      "surprisal", "Name of the model: the key of its versions on the models topic. The detector ignores the"
          + " versions of other models.")
      .validatedBy(Validator.of("a non-empty name", s -> !s.isEmpty()));

  /** The keys of this class, for {@link ConfigKeys#ALL}. */
  public static final List<ConfigKey<?>> KEYS = List.of(INPUT_TOPIC, MODELS_TOPIC, MODEL_NAME);

  private PipelineConfig() {}
}
