package io.surprisal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.kafka.Topic;
import io.surprisal.kafka.TopicCreationException;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.TestRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EmbeddedKafkaIT {

  @Test
  void start_withBrokerConfig_servesClientsWithItAndCloseDeletesTheData() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.start(Map.of("log.retention.ms", "123456789"));
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      String brokerId = String.valueOf(admin.describeCluster().nodes().get().iterator().next().id());
      ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, brokerId);
      Config config = admin.describeConfigs(Set.of(broker)).all().get().get(broker);
      assertThat(config.get("log.retention.ms").value()).isEqualTo("123456789");
      assertThat(config.get("transaction.state.log.min.isr").value()).isEqualTo("1");
      assertThat(Files.isDirectory(kafka.dataDirectory())).isTrue();
    } finally {
      kafka.close();
    }

    assertThat(kafka.dataDirectory()).doesNotExist();
  }

  @Test
  void start_invalidBrokerConfig_throwsAndLeavesNoDataDirectory() throws Exception {
    Set<Path> before = dataDirectories();

    assertThatThrownBy(() -> EmbeddedKafka.start(Map.of("log.retention.ms", "forever")))
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageContaining("log.retention.ms");

    assertThat(dataDirectories()).isSubsetOf(before);
  }

  private static Set<Path> dataDirectories() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("surprisal-kafka-"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void createTopic_existingName_throwsNamingTheTopic() {
    String name = KafkaFixture.uniqueTopic("twice");
    KafkaFixture.createTopic(name, 1, Map.of());

    assertThatThrownBy(() -> KafkaFixture.createTopic(name, 1, Map.of()))
        .isInstanceOf(TopicCreationException.class)
        .hasMessageContaining("'" + name + "'")
        .hasMessageContaining("already exists");
  }

  /** One broker must still run the transaction coordinator: exactly_once_v2 depends on it. */
  @Test
  void transactions_onSingleBroker_commitAndAbortAreHonouredByReadCommitted() {
    Topic<String, String> topic =
        new Topic<>(KafkaFixture.uniqueTopic("tx"), Serdes.String(), Serdes.String());
    KafkaFixture.createTopic(topic.name(), 1, Map.of());
    Map<String, Object> config = KafkaFixture.clientConfig();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaFixture.uniqueTopic("tx-producer"));

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, Serdes.String().serializer(), Serdes.String().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic.name(), "k", "committed-1"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic.name(), "k", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic.name(), "k", "committed-2"));
      producer.commitTransaction();
    }

    assertThat(TestRecords.keyValues(TestRecords.consumeAll(topic, Duration.ofSeconds(30))))
        .containsExactly(KeyValue.pair("k", "committed-1"), KeyValue.pair("k", "committed-2"));
  }
}
