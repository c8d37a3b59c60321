package io.surprisal.trainer;

import io.surprisal.avro.ModelVersion;
import io.surprisal.config.MissingConfigException;
import io.surprisal.kafka.ModelVersionNumber;
import io.surprisal.kafka.TopicAdmin;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroDeserializer;
import io.surprisal.serde.AvroSerdeConfig;
import io.surprisal.serde.AvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted models topic: published {@link ModelVersion}s keyed by model name, Avro values
 * through the schema registry. Reads the whole topic (it is small: compaction keeps the newest
 * version per name plus whatever is younger than {@code min.compaction.lag.ms}), creates it, and
 * publishes one record per version with an idempotent producer, so a version is on the topic whole
 * or not at all.
 */
public final class ModelsTopic {
  private static final Logger LOG = LoggerFactory.getLogger(ModelsTopic.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> kafka;
  private final String topic;
  private final Duration timeout;

  /**
   * @param kafka   client settings with {@code bootstrap.servers} and {@code schema.registry.url}
   * @param topic   the models topic
   * @param timeout how long reading, creating and publishing may take
   * @throws MissingConfigException if {@code schema.registry.url} is not set
   */
  public ModelsTopic(Map<String, Object> kafka, String topic, Duration timeout) {
    if (kafka.get(SchemaRegistryConfig.URL) == null) {
      throw new MissingConfigException(SchemaRegistryConfig.URL, "missing required setting '"
          + SchemaRegistryConfig.URL + "': the models topic holds Avro through a schema registry;"
          + " set it in the config file, with SURPRISAL_SCHEMA_REGISTRY_URL or with --set");
    }
    this.kafka = Map.copyOf(kafka);
    this.topic = topic;
    this.timeout = timeout;
  }

  public String name() {
    return topic;
  }

  /**
   * Creates the topic if it does not exist: one partition, {@code cleanup.policy=compact}, and
   * {@code min.compaction.lag.ms} so that earlier versions stay readable for that long.
   *
   * @throws io.surprisal.kafka.TopicCreationException if the cluster refuses
   */
  public void createIfMissing(Duration minCompactionLag) {
    try (Admin admin = Admin.create(kafka)) {
      boolean exists = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic);
      if (exists) {
        return;
      }
      new TopicAdmin(admin, timeout).create(topic, 1, Map.of("cleanup.policy", "compact",
          "min.compaction.lag.ms", Long.toString(minCompactionLag.toMillis())));
      LOG.info("created models topic '{}' (compacted, min.compaction.lag.ms={})", topic, minCompactionLag.toMillis());
    } catch (io.surprisal.kafka.TopicCreationException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new io.surprisal.kafka.TopicCreationException(topic, "cannot list topics: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.surprisal.kafka.TopicCreationException(topic, "interrupted", e);
    }
  }

  /**
   * Every version on the topic, of every model name, in offset order; records that do not decode
   * are logged and left out. Empty if the topic does not exist.
   */
  public List<ModelVersion> readAll() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    List<ModelVersion> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        var deserializer = new AvroDeserializer()) {
      deserializer.configure(readerConfig(), false);
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      if (partitions.isEmpty()) {
        return out;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new ModelsTopicException("could not read models topic '" + topic + "' to its end " + end
              + " within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          try {
            if (deserializer.deserialize(topic, r.value()) instanceof ModelVersion v) {
              out.add(v);
            }
          } catch (SerializationException e) {
            LOG.warn("skipping record {}-{}@{} of the models topic: {}", topic, r.partition(), r.offset(), e.getMessage());
          }
        }
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new ModelsTopicException("no answer from Kafka reading models topic '" + topic + "' within " + timeout, e);
    }
    return out;
  }

  /** Publishes one version and waits for the broker's acknowledgement. */
  public void publish(ModelVersion version) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (var serializer = new AvroSerializer()) {
      serializer.configure(kafka, false);
      try (var producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
        producer.send(new ProducerRecord<>(topic, version.getName(), version))
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new ModelsTopicException("could not publish version " + version.getVersion() + " of model '"
          + version.getName() + "' to '" + topic + "': " + (e.getCause() != null ? e.getCause() : e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelsTopicException("interrupted while publishing to '" + topic + "'", e);
    }
  }

  /** The versions of one model, oldest first (by version number). */
  public static List<ModelVersion> versionsOf(List<ModelVersion> all, String name) {
    return all.stream().filter(v -> v.getName().equals(name) && ModelVersionNumber.valid(v.getVersion()))
        .sorted(Comparator.comparingLong(ModelVersion::getVersion)).toList();
  }

  /** The highest valid version of the model, if any (numbers outside {@link ModelVersionNumber} are ignored). */
  public static Optional<ModelVersion> latest(List<ModelVersion> all, String name) {
    return all.stream().filter(v -> v.getName().equals(name) && ModelVersionNumber.valid(v.getVersion()))
        .max(Comparator.comparingLong(ModelVersion::getVersion));
  }

  private Map<String, Object> readerConfig() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(AvroSerdeConfig.SPECIFIC_READER, true);
    config.put(AvroSerdeConfig.TRUSTED_PACKAGES, ModelVersion.class.getPackageName());
    return config;
  }
}
