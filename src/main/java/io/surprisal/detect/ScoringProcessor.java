package io.surprisal.detect;

import io.surprisal.model.InvalidFeatureException;
import io.surprisal.model.Score;
import io.surprisal.serde.AvroDeserializationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Scores each input event with the model in force and says where it goes: a score (if the scores
 * topic is on), an alert when {@code p <= alpha}, or, when the event cannot be scored, a dead letter
 * with the original bytes and headers naming the error and the source.
 *
 * <p>The value is decoded here rather than by the source's serde so that the original bytes are at
 * hand for the dead-letter topic. A registry outage says nothing about the event, so it is not
 * dead-lettered: the exception goes to Kafka Streams, which stops the detector without committing
 * the event's offset (see the README).
 */
final class ScoringProcessor implements Processor<byte[], byte[], byte[], Outcome> {
  private final Deserializer<?> deserializer;
  private final CurrentModel current;
  private final DetectorMetrics metrics;
  private final Clock clock;
  private final boolean emitScores;
  private final int topK;
  private ProcessorContext<byte[], Outcome> context;

  ScoringProcessor(Deserializer<?> deserializer, CurrentModel current, DetectorMetrics metrics, Clock clock,
      boolean emitScores, int topK) {
    this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
    this.current = Objects.requireNonNull(current, "current");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.emitScores = emitScores;
    this.topK = topK;
  }

  @Override
  public void init(ProcessorContext<byte[], Outcome> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    long start = System.nanoTime();
    EventSource source = context.recordMetadata().map(EventSource::of)
        .orElseThrow(() -> new IllegalStateException("the scoring step must read straight from the input topic"));
    ActiveModel model = current.get(); // once per record: a swap never happens inside one event
    double[] x;
    try {
      x = features(record, source, model);
    } catch (UnscorableEventException e) {
      metrics.deadLettered(e.code());
      context.forward(record
          .withHeaders(DeadLetterHeaders.of(record.headers(), e, source, model == null ? null : model.version()))
          .withValue(new Outcome.DeadLettered(record.value())));
      return;
    }
    Score score = model.model().score(x, model.alpha());
    long latency = System.nanoTime() - start;
    // the alert is counted before the event, so that no reader of the meters sees an event scored whose
    // alert is still missing (explaining it takes longer than scoring it)
    if (score.alert()) {
      metrics.alertRaised();
    }
    metrics.eventScored(latency);
    Instant now = clock.instant();
    if (emitScores) {
      context.forward(record.withValue(
          new Outcome.Scored(Verdicts.scored(record.key(), source, record.timestamp(), now, model, score))));
    }
    if (score.alert()) {
      context.forward(record.withValue(new Outcome.Alerted(
          Verdicts.alert(record.key(), source, record.timestamp(), now, model, x, score, topK))));
    }
  }

  private double[] features(Record<byte[], byte[]> record, EventSource source, ActiveModel model)
      throws UnscorableEventException {
    if (model == null) {
      throw new UnscorableEventException(DeadLetterCode.NO_MODEL, null,
          "no model was loaded when the event was processed; replay it once one is");
    }
    if (record.value() == null) {
      throw new UnscorableEventException(DeadLetterCode.NO_VALUE, null, "the record has no value (a tombstone)");
    }
    double[] x = model.features().read(decode(source.topic(), record.value()));
    try {
      model.model().validate(x);
    } catch (InvalidFeatureException e) {
      throw new UnscorableEventException(DeadLetterCode.NOT_FINITE, e.feature(), e.getMessage());
    }
    return x;
  }

  private Object decode(String topic, byte[] value) throws UnscorableEventException {
    try {
      return deserializer.deserialize(topic, value);
    } catch (AvroDeserializationException e) {
      if (e.reason().transientFailure()) {
        throw e;
      }
      DeadLetterCode code = e.reason() == AvroDeserializationException.Reason.UNKNOWN_SCHEMA_ID
          ? DeadLetterCode.UNKNOWN_SCHEMA : DeadLetterCode.UNDECODABLE;
      throw new UnscorableEventException(code, e.getMessage(), e);
    }
  }
}
