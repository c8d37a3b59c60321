package io.surprisal.trainer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer side of the trainer: decodes input records, extracts their features and adds them
 * to the window, and counts events the trainer has not trained on yet. On every partition
 * assignment it rewinds by up to {@code window.size} records before the group's committed offset
 * (or before the end, for a new group), so a restarted trainer rebuilds its window from the topic.
 *
 * <p>Guarded by its own monitor: the consumer thread adds, the training thread takes snapshots.
 */
final class WindowFeeder implements ConsumerRebalanceListener {
  private static final Logger LOG = LoggerFactory.getLogger(WindowFeeder.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Deserializer<Object> deserializer;
  private final List<String> featurePaths;
  private final WindowMode mode;
  private final int capacity;
  private final long seed;
  private final TrainerMetrics metrics;
  private final Map<Integer, Long> trainedThrough = new HashMap<>();
  private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
  private FeatureSpec spec;
  private EventWindow window;
  private double[] row;
  private long newEvents;

  WindowFeeder(KafkaConsumer<byte[], byte[]> consumer, Deserializer<Object> deserializer, List<String> featurePaths,
      WindowMode mode, int capacity, long seed, TrainerMetrics metrics) {
    this.consumer = consumer;
    this.deserializer = deserializer;
    this.featurePaths = List.copyOf(featurePaths);
    this.mode = mode;
    this.capacity = capacity;
    this.seed = seed;
    this.metrics = metrics;
  }

  /** Events at or below these offsets were trained on already (the current model's window). */
  synchronized void trainedThrough(Map<Integer, Long> offsets) {
    offsets.forEach((p, o) -> trainedThrough.merge(p, o, Math::max));
  }

  /** Adds one record's event to the window if it decodes and has every feature. */
  void accept(ConsumerRecord<byte[], byte[]> record) {
    metrics.consumed();
    Object value;
    try {
      value = deserializer.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      metrics.undecodable();
      LOG.debug("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
      return;
    }
    if (!(value instanceof GenericRecord event)) {
      metrics.undecodable();
      return;
    }
    synchronized (this) {
      if (spec == null) {
        spec = FeatureSpec.of(event.getSchema(), featurePaths);
        window = EventWindow.create(mode, capacity, spec.size(), seed);
        row = new double[spec.size()];
        LOG.info("features: {}", spec.names());
      }
      if (spec.extract(event, row).isPresent()) {
        metrics.skipped();
        return;
      }
      window.add(row, record.timestamp(), record.partition(), record.offset());
      if (record.offset() > trainedThrough.getOrDefault(record.partition(), -1L)) {
        newEvents++;
      }
      metrics.windowSize(window.size());
    }
  }

  /** Events not trained on yet. */
  synchronized long newEvents() {
    return newEvents;
  }

  synchronized int size() {
    return window == null ? 0 : window.size();
  }

  /** The feature spec, once the first event has arrived. */
  synchronized FeatureSpec spec() {
    return spec;
  }

  /** A snapshot to train on; from now on only events after it count as new. */
  synchronized WindowSnapshot takeForTraining() {
    WindowSnapshot snapshot = window.snapshot();
    trainedThrough(snapshot.maxOffsets());
    newEvents = 0;
    return snapshot;
  }

  /** Input partitions the consumer reads now (read by health checks on other threads). */
  int assignedPartitions() {
    return assigned.size();
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    assigned.addAll(partitions);
    if (partitions.isEmpty()) {
      return;
    }
    Set<TopicPartition> set = Set.copyOf(partitions);
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(set);
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(set);
    Map<TopicPartition, Long> end = consumer.endOffsets(set);
    for (TopicPartition p : set) {
      OffsetAndMetadata c = committed.get(p);
      long position = c != null ? c.offset() : end.get(p);
      long from = Math.max(begin.get(p), position - capacity);
      consumer.seek(p, from);
      LOG.info("rebuilding the window from {} at offset {} (committed {})", p, from, c == null ? "none" : c.offset());
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // Offsets are committed after each poll; nothing else is held per partition.
    assigned.removeAll(partitions);
  }
}
