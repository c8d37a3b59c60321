package io.surprisal.local;

import io.surprisal.kafka.TopicAdmin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (one KRaft process acting as controller and broker) running
 * inside this JVM, on a random free port of localhost. {@code surprisal demo} and the integration
 * tests use it; it wraps Kafka's {@code KafkaClusterTestKit}.
 *
 * <p>The broker is configured for one node: every internal topic (consumer offsets, transaction
 * state, share-group state) has replication factor 1 and {@code min.insync.replicas} 1, and the
 * first consumer group rebalance is not delayed. The replication factor of the transaction state
 * topic is what transactions, and so Kafka Streams' {@code exactly_once_v2}, need: at Kafka's
 * default of 3 the transaction coordinator never starts on one broker and {@code initTransactions}
 * times out. See {@link #DEFAULT_BROKER_CONFIG}.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *   kafka.createTopic("models", 1, Map.of("cleanup.policy", "compact"));
 *   ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {
  /** Broker settings that make a single node work for everything surprisal does; overridable. */
  public static final Map<String, String> DEFAULT_BROKER_CONFIG =
      Map.ofEntries(
          Map.entry("offsets.topic.replication.factor", "1"),
          Map.entry("offsets.topic.num.partitions", "1"),
          Map.entry("transaction.state.log.replication.factor", "1"),
          Map.entry("transaction.state.log.min.isr", "1"),
          Map.entry("transaction.state.log.num.partitions", "1"),
          Map.entry("share.coordinator.state.topic.replication.factor", "1"),
          Map.entry("share.coordinator.state.topic.min.isr", "1"),
          Map.entry("group.initial.rebalance.delay.ms", "0"));

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Object FORMAT_LOCK = new Object();

  private final KafkaClusterTestKit cluster;
  private final Path dataDirectory;

  private EmbeddedKafka(KafkaClusterTestKit cluster, Path dataDirectory) {
    this.cluster = cluster;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts a broker with {@link #DEFAULT_BROKER_CONFIG} and returns once it accepts clients.
   *
   * @throws EmbeddedKafkaException if the broker does not start
   */
  public static EmbeddedKafka start() {
    return start(Map.of());
  }

  /**
   * Starts a broker with {@link #DEFAULT_BROKER_CONFIG} overlaid by {@code brokerConfig} and returns
   * once it accepts clients.
   *
   * @param brokerConfig broker settings (for example {@code log.retention.ms}) that replace or add
   *     to the defaults; listeners and directories are chosen by this class
   * @throws EmbeddedKafkaException if the broker does not start
   */
  public static EmbeddedKafka start(Map<String, String> brokerConfig) {
    long startNanos = System.nanoTime();
    Path dataDirectory = createDataDirectory();
    Map<String, String> config = new HashMap<>(DEFAULT_BROKER_CONFIG);
    config.putAll(brokerConfig);
    KafkaClusterTestKit cluster = null;
    boolean started = false;
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumControllerNodes(1)
              .setNumBrokerNodes(1)
              .setBaseDirectory(dataDirectory)
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      config.forEach(builder::setConfigProp);
      cluster = builder.setDeleteOnClose(true).build();
      formatStorage(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      started = true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new EmbeddedKafkaException("the embedded Kafka broker did not start: " + e, e);
    } finally {
      if (!started) { // also after an Error, such as a class missing from the classpath
        closeQuietly(cluster);
        deleteQuietly(dataDirectory);
      }
    }
    EmbeddedKafka kafka = new EmbeddedKafka(cluster, dataDirectory);
    log.info(
        "Embedded Kafka broker started at {} in {} ms (data in {})",
        kafka.bootstrapServers(),
        (System.nanoTime() - startNanos) / 1_000_000,
        dataDirectory);
    return kafka;
  }

  /** The {@code bootstrap.servers} value for clients of this broker, like {@code localhost:41234}. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** The directory holding the broker's metadata and log segments; deleted by {@link #close}. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * Creates a topic with replication factor 1 and waits until the broker has it.
   *
   * @param name the topic name
   * @param partitions number of partitions, at least 1
   * @param configs topic-level configs, for example {@code cleanup.policy=compact}; may be empty
   * @throws io.surprisal.kafka.TopicCreationException if the broker refuses
   * @throws IllegalArgumentException if {@code partitions < 1}
   */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      new TopicAdmin(admin, ADMIN_TIMEOUT).create(name, partitions, configs);
    }
  }

  /** Stops the broker and deletes its data directory. */
  @Override
  public void close() {
    closeQuietly(cluster);
    deleteQuietly(dataDirectory);
    log.info("Embedded Kafka broker stopped");
  }

  /**
   * Formats the node's metadata directory. Kafka's storage formatter prints its progress to
   * {@code System.out}, which would corrupt the machine-readable stdout of a surprisal command, so
   * for the few milliseconds this takes {@code System.out} is swapped for a buffer whose lines go
   * to the debug log. The lock keeps two brokers starting at once from swapping it twice.
   */
  private static void formatStorage(KafkaClusterTestKit cluster) throws Exception {
    synchronized (FORMAT_LOCK) {
      PrintStream stdout = System.out;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        cluster.format();
      } finally {
        System.setOut(stdout);
        captured.toString(StandardCharsets.UTF_8).lines().forEach(line -> log.debug("{}", line));
      }
    }
  }

  private static Path createDataDirectory() {
    try {
      return Files.createTempDirectory("surprisal-kafka-");
    } catch (IOException e) {
      throw new EmbeddedKafkaException("cannot create a data directory for the embedded broker: " + e, e);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("Stopping the embedded Kafka broker failed", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      Utils.delete(directory.toFile());
    } catch (IOException e) {
      log.warn("Could not delete {}", directory, e);
    }
  }
}
