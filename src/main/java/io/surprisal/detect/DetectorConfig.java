package io.surprisal.detect;

import io.surprisal.config.CommonConfig;
import io.surprisal.config.Config;
import io.surprisal.config.ConfigKey;
import io.surprisal.config.PipelineConfig;
import io.surprisal.config.Validator;
import io.surprisal.config.ValueType;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The keys of {@code surprisal detect} (with those of {@link PipelineConfig}, shared with the
 * trainer), and the two things made from them: the detector's {@link #settings settings} and its
 * Kafka Streams {@link #streamsConfig configuration}. Every key
 * not declared here or in {@link CommonConfig} (security, {@code schema.registry.url}, client and
 * Streams tuning) passes through to Kafka Streams, its clients and the registry client unchanged.
 */
public final class DetectorConfig {
  private static final Validator<String> TOPIC = PipelineConfig.TOPIC;

  /** Shared with the trainer. */
  public static final ConfigKey<String> INPUT_TOPIC = PipelineConfig.INPUT_TOPIC;
  public static final ConfigKey<String> ALERTS_TOPIC = ConfigKey.required("alerts.topic", ValueType.STRING,
      "Topic that receives an Alert, keyed like the event, for every event with p-value <= alpha.")
      .validatedBy(TOPIC);
  /** Shared with the trainer. */
  public static final ConfigKey<String> MODELS_TOPIC = PipelineConfig.MODELS_TOPIC;
  public static final ConfigKey<String> DLQ_TOPIC = ConfigKey.required("dlq.topic", ValueType.STRING,
      "Dead-letter topic: events that cannot be scored, key and value bytes unchanged, with"
          + " surprisal.error.* and surprisal.source.* headers.")
      .validatedBy(TOPIC);
  public static final ConfigKey<String> SCORES_TOPIC = ConfigKey.optional("scores.topic", ValueType.STRING,
      "Optional topic that receives a ScoredEvent for every scored event, alert or not.")
      .validatedBy(TOPIC);
  /** Shared with the trainer. */
  public static final ConfigKey<String> MODEL_NAME = PipelineConfig.MODEL_NAME;
  public static final ConfigKey<Double> ALPHA = ConfigKey.optional("alpha", ValueType.DOUBLE,
      "Alert level: an event alerts when its conformal p-value is <= alpha. Default: the alpha stored"
          + " with each model.")
      .validatedBy(Validator.of("between 0 and 1, both excluded", a -> a > 0 && a < 1));
  public static final ConfigKey<Integer> ATTRIBUTIONS_TOP_K = ConfigKey.withDefault("alert.attributions.top.k",
      ValueType.INT, 3, "How many features each alert names: those whose repair"
          + " (set to its most likely value given the others) raises the log-density most. 0: none.")
      .validatedBy(Validator.between(0, 1000));
  public static final ConfigKey<String> INPUT_SUBJECT = ConfigKey.optional("input.subject", ValueType.STRING,
      "Registry subject of the input values, whose newest schema a model's feature paths must fit."
          + " Default: <input.topic>-value.");
  public static final ConfigKey<String> APPLICATION_ID = ConfigKey.withDefault("application.id",
      ValueType.STRING, "surprisal-detector",
      "Kafka Streams application id: the consumer group of the input, and the prefix of internal names.")
      .validatedBy(Validator.of("a non-empty id", id -> !id.isEmpty()));
  public static final ConfigKey<String> PROCESSING_GUARANTEE = ConfigKey.withDefault("processing.guarantee",
      ValueType.STRING, StreamsConfig.AT_LEAST_ONCE,
      "Kafka Streams processing guarantee: at_least_once, or exactly_once_v2 for transactional outputs.")
      .validatedBy(Validator.oneOf(List.of(StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2)));

  /** The detector's own keys, for {@link io.surprisal.config.ConfigKeys#ALL} (the shared ones are in PipelineConfig). */
  public static final List<ConfigKey<?>> KEYS = List.of(ALERTS_TOPIC, DLQ_TOPIC, SCORES_TOPIC, ALPHA,
      ATTRIBUTIONS_TOP_K, INPUT_SUBJECT, APPLICATION_ID, PROCESSING_GUARANTEE);

  private DetectorConfig() {}

  /**
   * The detector's settings.
   *
   * @throws io.surprisal.config.ConfigException naming a missing or invalid key
   */
  public static DetectorSettings settings(Config config) {
    String input = config.get(INPUT_TOPIC);
    return new DetectorSettings(
        input,
        config.get(ALERTS_TOPIC),
        config.get(MODELS_TOPIC),
        config.get(DLQ_TOPIC),
        config.find(SCORES_TOPIC),
        config.get(MODEL_NAME),
        config.find(ALPHA).stream().mapToDouble(Double::doubleValue).findFirst(),
        config.get(ATTRIBUTIONS_TOP_K),
        config.find(INPUT_SUBJECT).orElse(input + "-value"));
  }

  /**
   * The Kafka Streams configuration: every pass-through key (security, client and Streams
   * tuning, the registry's keys), {@code bootstrap.servers}, {@code application.id} and
   * {@code processing.guarantee}.
   *
   * @throws io.surprisal.config.ConfigException naming a missing or invalid key
   */
  public static Properties streamsConfig(Config config) {
    Properties props = new Properties();
    props.putAll(CommonConfig.kafkaClientConfig(config));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(APPLICATION_ID));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(PROCESSING_GUARANTEE));
    return props;
  }
}
