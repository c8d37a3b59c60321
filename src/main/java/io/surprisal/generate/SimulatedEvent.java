package io.surprisal.generate;

import io.surprisal.avro.example.ServiceTelemetry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * One generated telemetry event and its ground truth.
 *
 * @param value the event
 * @param kind  the injected anomaly, or null for a normal event
 */
public record SimulatedEvent(ServiceTelemetry value, AnomalyKind kind) implements LabelledEvent {
  /** Header carrying the ground truth: {@value #ANOMALY} or {@value #NORMAL}. */
  public static final String TRUTH_HEADER = "surprisal.truth";
  /** Header carrying the anomaly kind ({@link AnomalyKind#headerValue()}); only on anomalies. */
  public static final String KIND_HEADER = "surprisal.anomaly.kind";
  public static final String ANOMALY = "anomaly";
  public static final String NORMAL = "normal";

  /** The instance id. */
  @Override
  public String key() {
    return value.getInstanceId();
  }

  @Override
  public String anomalyKind() {
    return kind == null ? null : kind.headerValue();
  }

  /** Whether a record's headers mark it as an anomaly. */
  public static boolean isAnomaly(Headers headers) {
    var truth = headers.lastHeader(TRUTH_HEADER);
    return truth != null && ANOMALY.equals(new String(truth.value(), StandardCharsets.UTF_8));
  }
}
