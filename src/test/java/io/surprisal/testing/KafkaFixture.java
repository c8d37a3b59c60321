package io.surprisal.testing;

import io.surprisal.kafka.TopicAdmin;
import io.surprisal.local.EmbeddedKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka cluster of the integration tests, shared by every test class of the JVM.
 *
 * <p>If the environment variable {@value #BOOTSTRAP_SERVERS_ENV} is set, the tests use that
 * external cluster. Otherwise the first call starts one {@link EmbeddedKafka} for the whole test
 * JVM, closed by a shutdown hook. Tests share the cluster, so each test takes fresh names from
 * {@link #uniqueTopic} (also good for {@code application.id}s) and never assumes a topic is empty
 * unless it created it.
 *
 * <pre>{@code
 * String input = KafkaFixture.uniqueTopic("input");
 * KafkaFixture.createTopic(input, 1, Map.of());
 * props.putAll(KafkaFixture.clientConfig());
 * }</pre>
 */
public final class KafkaFixture {
  /** Name of the environment variable that points the tests at an external cluster. */
  public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private KafkaFixture() {}

  /** The {@code bootstrap.servers} of the test cluster; starts the embedded one on first use. */
  public static String bootstrapServers() {
    String external = System.getenv(BOOTSTRAP_SERVERS_ENV);
    if (external != null && !external.isBlank()) {
      return external.strip();
    }
    return Embedded.BROKER.bootstrapServers();
  }

  /** True if the tests run against the cluster named by {@value #BOOTSTRAP_SERVERS_ENV}. */
  public static boolean isExternal() {
    String external = System.getenv(BOOTSTRAP_SERVERS_ENV);
    return external != null && !external.isBlank();
  }

  /** A new, modifiable client config holding just {@code bootstrap.servers}. */
  public static Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return config;
  }

  /** A new Admin client for the test cluster; the caller closes it. */
  public static Admin admin() {
    return Admin.create(clientConfig());
  }

  /**
   * Creates a topic with the cluster's default replication factor and waits until it exists.
   *
   * @throws io.surprisal.kafka.TopicCreationException if the cluster refuses (for example, the
   *     topic exists already)
   */
  public static void createTopic(String name, int partitions, Map<String, String> configs) {
    try (Admin admin = admin()) {
      new TopicAdmin(admin, ADMIN_TIMEOUT).create(name, partitions, configs);
    }
  }

  /**
   * A topic name no other test uses: {@code prefix}, a dash and 12 random hex digits, so that
   * tests sharing the cluster (or reruns against an external one) never see each other's records.
   */
  public static String uniqueTopic(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Holder idiom: the broker starts when {@link #bootstrapServers} first needs it, once per JVM. */
  private static final class Embedded {
    static final EmbeddedKafka BROKER = startWithShutdownHook();

    private static EmbeddedKafka startWithShutdownHook() {
      EmbeddedKafka broker = EmbeddedKafka.start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
      return broker;
    }
  }
}
