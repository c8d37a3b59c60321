package io.surprisal.bench.stream;

import io.surprisal.avro.Alert;
import io.surprisal.detect.SpecificAvroSerde;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Event-to-alert latency at a steady load: reads the alerts topic while events are produced and
 * takes, for each alert of an event written after the warm-up, its {@code scored_at} and the time
 * it was read here, each minus the event's timestamp (the producer's clock at send time, so the
 * producer's linger is included).
 *
 * @param scored   {@code scored_at - event timestamp}, ms: through the producer, broker and detector
 * @param consumed read here minus event timestamp, ms: also the detector's producer and a consumer
 */
record AlertLatency(Percentiles scored, Percentiles consumed) {
  /**
   * Reads alerts of {@code alertsTopic} (one partition) until {@code producing} is false and no
   * alert came for 5 s.
   *
   * @param measureFrom epoch millis; alerts of earlier events are the warm-up and are skipped
   */
  static AlertLatency measure(Map<String, Object> kafka, String alertsTopic, SchemaRegistryClient registry,
      long measureFrom, BooleanSupplier producing) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    Deserializer<Alert> alerts = SpecificAvroSerde.of(Alert.class, registry, AvroSerdeConfig.defaults()).deserializer();
    LongStream.Builder scored = LongStream.builder();
    LongStream.Builder consumed = LongStream.builder();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partition = List.of(new TopicPartition(alertsTopic, 0));
      consumer.assign(partition);
      consumer.seekToBeginning(partition);
      long quietSince = System.nanoTime();
      while (producing.getAsBoolean() || System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
        var records = consumer.poll(Duration.ofMillis(50));
        long now = System.currentTimeMillis();
        if (!records.isEmpty()) {
          quietSince = System.nanoTime();
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          Alert alert = alerts.deserialize(alertsTopic, record.value());
          long event = alert.getEventTimestamp().toEpochMilli();
          if (event >= measureFrom) {
            scored.add(alert.getScoredAt().toEpochMilli() - event);
            consumed.add(now - event);
          }
        }
      }
    }
    return new AlertLatency(new Percentiles(scored.build().toArray()), new Percentiles(consumed.build().toArray()));
  }
}
