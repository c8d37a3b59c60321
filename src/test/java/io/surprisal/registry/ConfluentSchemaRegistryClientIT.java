package io.surprisal.registry;

import io.surprisal.testing.ConfluentPlatform;
import org.junit.jupiter.api.AfterAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The client contract against Confluent Schema Registry; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryClientIT extends SchemaRegistryClientContract {
  private static final Network NETWORK = Network.newNetwork();

  @Container
  private static final KafkaContainer KAFKA = ConfluentPlatform.kafka(NETWORK);

  @Container
  private static final GenericContainer<?> REGISTRY = ConfluentPlatform.schemaRegistry(NETWORK, KAFKA);

  @AfterAll
  static void removeNetwork() {
    NETWORK.close();
  }

  @Override
  protected String registryUrl() {
    return ConfluentPlatform.url(REGISTRY);
  }
}
