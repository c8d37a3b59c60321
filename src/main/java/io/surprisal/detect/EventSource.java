package io.surprisal.detect;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Where an input event was read: the coordinates that alerts, scores and dead letters carry. */
record EventSource(String topic, int partition, long offset) {
  EventSource {
    Objects.requireNonNull(topic, "topic");
  }

  static EventSource of(RecordMetadata metadata) {
    return new EventSource(metadata.topic(), metadata.partition(), metadata.offset());
  }
}
