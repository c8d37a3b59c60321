package io.surprisal.demo;

import io.surprisal.avro.ScoredEvent;
import io.surprisal.detect.SpecificAvroSerde;
import io.surprisal.generate.SimulatedEvent;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads what the detector wrote, from the beginning, and judges it against the generator's ground
 * truth: every record of the scores topic is one scored event, alerted or not, carrying the input
 * event's {@code surprisal.truth} header; every record of the dead-letter topic is one event that
 * could not be scored. Runs on its own thread, without a consumer group.
 */
final class GroundTruthMonitor implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final SchemaRegistryClient registry;
  private final Deserializer<ScoredEvent> scores;
  private final String scoresTopic;
  private final String deadLetterTopic;
  private final Thread thread;
  private final SortedSet<Long> versions = new ConcurrentSkipListSet<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile Confusion confusion = Confusion.EMPTY;
  private volatile long deadLetters;
  private volatile boolean finishing;
  private volatile boolean closed;

  private GroundTruthMonitor(Map<String, Object> kafka, String registryUrl, DemoTopics topics) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.registry = SchemaRegistryClient.create(SchemaRegistryConfig.of(registryUrl));
    this.scores = SpecificAvroSerde.of(ScoredEvent.class, registry, AvroSerdeConfig.defaults()).deserializer();
    this.scoresTopic = topics.scores();
    this.deadLetterTopic = topics.deadLetters();
    this.thread = new Thread(this::run, "surprisal-demo-monitor");
    thread.setDaemon(true);
  }

  /** Starts reading the scores and dead-letter topics of {@code topics} from their beginning. */
  static GroundTruthMonitor start(Map<String, Object> kafka, String registryUrl, DemoTopics topics) {
    GroundTruthMonitor monitor = new GroundTruthMonitor(kafka, registryUrl, topics);
    monitor.thread.start();
    return monitor;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(scoresTopic, deadLetterTopic)) {
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = null;
      while (!closed) {
        if (finishing && end == null) {
          end = consumer.endOffsets(partitions);
        }
        if (end != null && reached(end)) {
          return;
        }
        consumer.poll(POLL).forEach(this::count);
      }
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void count(ConsumerRecord<byte[], byte[]> record) {
    if (record.topic().equals(deadLetterTopic)) {
      deadLetters++;
      return;
    }
    ScoredEvent score = scores.deserialize(record.topic(), record.value());
    versions.add(score.getModelVersion());
    confusion = confusion.plus(score.getAlert(), SimulatedEvent.isAnomaly(record.headers()));
  }

  /** Scored events so far against their ground truth. */
  Confusion confusion() {
    return confusion;
  }

  /** Dead-lettered events so far. */
  long deadLetters() {
    return deadLetters;
  }

  /** The model versions that scored the events so far. */
  SortedSet<Long> modelVersions() {
    return versions;
  }

  /** Why the monitor stopped reading, if it failed. */
  Optional<Exception> failure() {
    return Optional.ofNullable(failure.get());
  }

  /**
   * Reads on to the end the topics have now (call it after the detector has stopped), then stops.
   *
   * @return false if the end was not reached within {@code timeout}
   */
  boolean finish(Duration timeout) throws InterruptedException {
    finishing = true;
    thread.join(timeout.toMillis());
    return !thread.isAlive() && failure.get() == null;
  }

  @Override
  public void close() {
    closed = true; // the thread sees it within one poll and closes the consumer
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    registry.close();
  }
}
