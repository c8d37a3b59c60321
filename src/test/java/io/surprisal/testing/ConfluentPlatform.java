package io.surprisal.testing;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Containers for running a contract against Confluent Schema Registry (it stores schemas in a
 * Kafka topic, so it needs a broker). Only used by tests marked
 * {@code @Testcontainers(disabledWithoutDocker = true)}: without Docker they are skipped.
 */
public final class ConfluentPlatform {
  public static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:3.9.1");
  public static final DockerImageName SCHEMA_REGISTRY = DockerImageName.parse("confluentinc/cp-schema-registry:7.9.1");
  private static final String BROKER_ALIAS = "kafka";
  private static final int BROKER_PORT = 19092;
  private static final int REGISTRY_PORT = 8081;

  private ConfluentPlatform() {}

  /** A KRaft broker that other containers on {@code network} reach at {@code kafka:19092}. */
  public static KafkaContainer kafka(Network network) {
    return new KafkaContainer(KAFKA).withNetwork(network).withListener(BROKER_ALIAS + ":" + BROKER_PORT);
  }

  /** Confluent Schema Registry using {@code kafka}'s network listener; start it after the broker. */
  public static GenericContainer<?> schemaRegistry(Network network, KafkaContainer kafka) {
    return new GenericContainer<>(SCHEMA_REGISTRY)
        .withNetwork(network)
        .withExposedPorts(REGISTRY_PORT)
        .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
        .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
        .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + BROKER_ALIAS + ":" + BROKER_PORT)
        .dependsOn(kafka)
        .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
  }

  /** The registry's base URL as seen from the test JVM. */
  public static String url(GenericContainer<?> schemaRegistry) {
    return "http://" + schemaRegistry.getHost() + ":" + schemaRegistry.getMappedPort(REGISTRY_PORT);
  }
}
