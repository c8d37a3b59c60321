package io.surprisal.testing;

import io.surprisal.kafka.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;

/**
 * Writes and reads records of a {@link Topic} on the {@link KafkaFixture} cluster, for tests.
 *
 * <p>Reading uses no consumer group: it assigns every partition and starts at the beginning, with
 * {@code isolation.level=read_committed}, so records of aborted or still open transactions are
 * never returned.
 */
public final class TestRecords {
  private static final Duration POLL = Duration.ofMillis(100);

  private TestRecords() {}

  /** Sends the key-value pairs in order and waits until the broker acknowledged each. */
  public static <K, V> void produce(Topic<K, V> topic, List<KeyValue<K, V>> records) {
    produceRecords(
        topic,
        records.stream().map(kv -> new ProducerRecord<>(topic.name(), kv.key, kv.value)).toList());
  }

  /**
   * Sends the records (which may carry headers, partitions and timestamps) in order and waits until
   * the broker acknowledged each.
   *
   * @throws IllegalArgumentException if a record is addressed to another topic
   */
  public static <K, V> void produceRecords(Topic<K, V> topic, List<ProducerRecord<K, V>> records) {
    for (ProducerRecord<K, V> record : records) {
      if (!record.topic().equals(topic.name())) {
        throw new IllegalArgumentException(
            "record for topic '" + record.topic() + "' given to produce to '" + topic.name() + "'");
      }
    }
    Map<String, Object> config = KafkaFixture.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (ProducerRecord<K, V> record : records) {
        producer.send(record).get();
      }
    } catch (ExecutionException e) {
      throw new AssertionError("could not produce to '" + topic.name() + "'", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while producing to '" + topic.name() + "'", e);
    }
  }

  /**
   * Reads from the beginning of the topic until at least {@code count} records have arrived or the
   * timeout has passed, and returns all records read, each partition's in offset order. The result can hold fewer
   * records than asked for (timeout) or more (one poll returned more): assert on its exact content.
   */
  public static <K, V> List<ConsumerRecord<K, V>> consume(
      Topic<K, V> topic, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = consumer(topic)) {
      List<TopicPartition> partitions = assignFromBeginning(consumer, topic, deadline);
      while (!partitions.isEmpty() && records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(POLL).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * Reads every committed record that the topic holds now: from the beginning up to the end offsets
   * seen when reading starts. Use it once the producing side has stopped, to assert that nothing
   * else came out.
   *
   * @throws AssertionError if the end is not reached within the timeout
   */
  public static <K, V> List<ConsumerRecord<K, V>> consumeAll(Topic<K, V> topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = consumer(topic)) {
      List<TopicPartition> partitions = assignFromBeginning(consumer, topic, deadline);
      if (partitions.isEmpty()) {
        throw new AssertionError("topic '" + topic.name() + "' has no partitions (does it exist?)");
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!reached(consumer, end)) {
        if (System.nanoTime() >= deadline) {
          throw new AssertionError(
              "did not reach the end " + end + " of '" + topic.name() + "' within " + timeout);
        }
        consumer.poll(POLL).forEach(records::add);
      }
    }
    return records;
  }

  /** The keys and values of the records, for comparing with an expected list. */
  public static <K, V> List<KeyValue<K, V>> keyValues(List<ConsumerRecord<K, V>> records) {
    return records.stream().map(r -> KeyValue.pair(r.key(), r.value())).toList();
  }

  private static <K, V> KafkaConsumer<K, V> consumer(Topic<K, V> topic) {
    Map<String, Object> config = KafkaFixture.clientConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(
        config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** Assigns all partitions of the topic, waiting for its metadata until the deadline. */
  private static List<TopicPartition> assignFromBeginning(
      KafkaConsumer<?, ?> consumer, Topic<?, ?> topic, long deadline) {
    List<TopicPartition> partitions = List.of();
    while (partitions.isEmpty() && System.nanoTime() < deadline) {
      partitions =
          consumer.partitionsFor(topic.name(), remaining(deadline)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        pause();
      }
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return partitions;
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0));
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for topic metadata", e);
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
