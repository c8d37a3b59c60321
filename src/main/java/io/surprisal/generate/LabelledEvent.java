package io.surprisal.generate;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** A generated event with its record key and ground truth, written with the truth headers of {@link SimulatedEvent}. */
public interface LabelledEvent {
  /** The record key. */
  String key();

  /** The event, an Avro record of a generated class. */
  Object value();

  /** The injected anomaly's header value ({@value SimulatedEvent#KIND_HEADER}), or null for a normal event. */
  String anomalyKind();

  default boolean isAnomaly() {
    return anomalyKind() != null;
  }

  /** The ground-truth headers of this event. */
  default Headers headers() {
    Headers headers = new RecordHeaders();
    headers.add(SimulatedEvent.TRUTH_HEADER,
        (isAnomaly() ? SimulatedEvent.ANOMALY : SimulatedEvent.NORMAL).getBytes(StandardCharsets.UTF_8));
    if (isAnomaly()) {
      headers.add(SimulatedEvent.KIND_HEADER, anomalyKind().getBytes(StandardCharsets.UTF_8));
    }
    return headers;
  }
}
