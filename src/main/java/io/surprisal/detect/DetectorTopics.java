package io.surprisal.detect;

import io.surprisal.avro.Alert;
import io.surprisal.avro.ScoredEvent;
import io.surprisal.kafka.Topic;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.serde.AvroSerdeConfig;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The detector's topics as the topology reads and writes them. Input, models and dead letters are
 * raw bytes (the topology decodes them itself, keeping the originals); alerts and scores are
 * surprisal's Avro records through the registry. Every key is the input key's bytes.
 */
public record DetectorTopics(
    Topic<byte[], byte[]> input,
    Topic<byte[], byte[]> models,
    Topic<byte[], Alert> alerts,
    Optional<Topic<byte[], ScoredEvent>> scores,
    Topic<byte[], byte[]> deadLetters) {

  /** The topics of {@code settings}, with serdes over {@code registry}. */
  public static DetectorTopics of(DetectorSettings settings, SchemaRegistryClient registry, AvroSerdeConfig config) {
    Serde<byte[]> bytes = Serdes.ByteArray();
    Serde<ScoredEvent> scoreSerde = SpecificAvroSerde.of(ScoredEvent.class, registry, config);
    return new DetectorTopics(
        new Topic<>(settings.inputTopic(), bytes, bytes),
        new Topic<>(settings.modelsTopic(), bytes, bytes),
        new Topic<>(settings.alertsTopic(), bytes, SpecificAvroSerde.of(Alert.class, registry, config)),
        settings.scoresTopic().map(name -> new Topic<>(name, bytes, scoreSerde)),
        new Topic<>(settings.dlqTopic(), bytes, bytes));
  }
}
