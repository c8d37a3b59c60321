package io.surprisal.detect;

import io.surprisal.avro.Alert;
import io.surprisal.avro.FeatureAttribution;
import io.surprisal.avro.FeatureValue;
import io.surprisal.avro.ScoredEvent;
import io.surprisal.model.Attribution;
import io.surprisal.model.Score;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes a score as the records of the alerts and scores topics. */
final class Verdicts {
  private Verdicts() {}

  /** The alert for an event that scored {@code score} under {@code model}, with its top attributions. */
  static Alert alert(byte[] key, EventSource source, long eventTimestamp, Instant scoredAt, ActiveModel model,
      double[] x, Score score, int topK) {
    List<String> names = model.features().names();
    List<FeatureValue> values = new ArrayList<>(x.length);
    for (int j = 0; j < x.length; j++) {
      values.add(new FeatureValue(names.get(j), x[j]));
    }
    List<FeatureAttribution> attributions = new ArrayList<>(topK);
    if (topK > 0) { // explaining runs the flow hundreds of times: skip it when no attribution is wanted
      for (Attribution a : model.model().explain(x, topK)) {
        attributions.add(new FeatureAttribution(a.feature(), a.value(), a.reference(), a.contribution()));
      }
    }
    return Alert.newBuilder()
        .setEventKey(key == null ? null : ByteBuffer.wrap(key))
        .setSourceTopic(source.topic())
        .setSourcePartition(source.partition())
        .setSourceOffset(source.offset())
        .setEventTimestamp(Instant.ofEpochMilli(eventTimestamp))
        .setScoredAt(scoredAt)
        .setLogLikelihood(score.logLikelihood())
        .setPValue(score.pValue())
        .setAlpha(model.alpha())
        .setModelName(model.name())
        .setModelVersion(model.version())
        .setFeatures(values)
        .setAttributions(attributions)
        .build();
  }

  /** The score record of an event. */
  static ScoredEvent scored(byte[] key, EventSource source, long eventTimestamp, Instant scoredAt,
      ActiveModel model, Score score) {
    return ScoredEvent.newBuilder()
        .setEventKey(key == null ? null : ByteBuffer.wrap(key))
        .setSourceTopic(source.topic())
        .setSourcePartition(source.partition())
        .setSourceOffset(source.offset())
        .setEventTimestamp(Instant.ofEpochMilli(eventTimestamp))
        .setScoredAt(scoredAt)
        .setLogLikelihood(score.logLikelihood())
        .setPValue(score.pValue())
        .setAlpha(model.alpha())
        .setAlert(score.alert())
        .setModelName(model.name())
        .setModelVersion(model.version())
        .build();
  }
}
