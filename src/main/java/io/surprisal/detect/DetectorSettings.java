package io.surprisal.detect;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the detector topology reads and writes, and how it scores; made from the configuration by
 * {@link DetectorConfig#settings}.
 *
 * @param inputTopic       events to score (Avro values through the schema registry, any record schema)
 * @param alertsTopic      where an {@link io.surprisal.avro.Alert} goes for each event with p <= alpha
 * @param modelsTopic      compacted topic of {@link io.surprisal.avro.ModelVersion} records
 * @param dlqTopic         where events that cannot be scored go, bytes unchanged, with error headers
 * @param scoresTopic      optional: a {@link io.surprisal.avro.ScoredEvent} for every scored event
 * @param modelName        the model of {@code modelsTopic} this detector uses; others are ignored
 * @param alpha            alert level; empty: the level stored with each model
 * @param attributionsTopK features named in each alert's attributions, largest contribution first
 * @param inputSubject     registry subject whose newest schema a model's feature paths must fit
 */
public record DetectorSettings(
    String inputTopic,
    String alertsTopic,
    String modelsTopic,
    String dlqTopic,
    Optional<String> scoresTopic,
    String modelName,
    OptionalDouble alpha,
    int attributionsTopK,
    String inputSubject) {

  public DetectorSettings {
    Objects.requireNonNull(inputTopic, "inputTopic");
    Objects.requireNonNull(alertsTopic, "alertsTopic");
    Objects.requireNonNull(modelsTopic, "modelsTopic");
    Objects.requireNonNull(dlqTopic, "dlqTopic");
    Objects.requireNonNull(scoresTopic, "scoresTopic");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(alpha, "alpha");
    Objects.requireNonNull(inputSubject, "inputSubject");
    if (alpha.isPresent() && !(alpha.getAsDouble() > 0 && alpha.getAsDouble() < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha.getAsDouble());
    }
    if (attributionsTopK < 0) {
      throw new IllegalArgumentException("attributions top k must be >= 0, got " + attributionsTopK);
    }
  }

  /**
   * Settings with the defaults of {@link DetectorConfig}: no scores topic, model {@code surprisal},
   * the model's alpha, 3 attributions, subject {@code <input>-value}.
   */
  public static DetectorSettings of(String inputTopic, String alertsTopic, String modelsTopic, String dlqTopic) {
    return new DetectorSettings(inputTopic, alertsTopic, modelsTopic, dlqTopic, Optional.empty(),
        DetectorConfig.MODEL_NAME.defaultValue().orElseThrow(), OptionalDouble.empty(),
        DetectorConfig.ATTRIBUTIONS_TOP_K.defaultValue().orElseThrow(), inputTopic + "-value");
  }

  public DetectorSettings withScoresTopic(String topic) {
    return new DetectorSettings(inputTopic, alertsTopic, modelsTopic, dlqTopic, Optional.of(topic), modelName,
        alpha, attributionsTopK, inputSubject);
  }

  public DetectorSettings withModelName(String name) {
    return new DetectorSettings(inputTopic, alertsTopic, modelsTopic, dlqTopic, scoresTopic, name,
        alpha, attributionsTopK, inputSubject);
  }

  public DetectorSettings withAlpha(double a) {
    return new DetectorSettings(inputTopic, alertsTopic, modelsTopic, dlqTopic, scoresTopic, modelName,
        OptionalDouble.of(a), attributionsTopK, inputSubject);
  }

  public DetectorSettings withAttributionsTopK(int k) {
    return new DetectorSettings(inputTopic, alertsTopic, modelsTopic, dlqTopic, scoresTopic, modelName,
        alpha, k, inputSubject);
  }
}
