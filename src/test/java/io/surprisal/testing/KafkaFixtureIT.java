package io.surprisal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.kafka.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaFixtureIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void createTopic_compacted_brokerReportsPartitionsAndCleanupPolicy() throws Exception {
    String name = KafkaFixture.uniqueTopic("models");

    KafkaFixture.createTopic(name, 3, Map.of("cleanup.policy", "compact"));

    try (Admin admin = KafkaFixture.admin()) {
      TopicDescription description =
          admin.describeTopics(Set.of(name)).allTopicNames().get().get(name);
      assertThat(description.partitions()).hasSize(3);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
      Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void produceAndConsume_recordsWithHeaders_comeBackUnchangedAndInOrder() {
    Topic<String, Long> topic =
        new Topic<>(KafkaFixture.uniqueTopic("events"), Serdes.String(), Serdes.Long());
    KafkaFixture.createTopic(topic.name(), 1, Map.of());
    RecordHeaders headers = new RecordHeaders();
    headers.add("source", "sensor-7".getBytes(StandardCharsets.UTF_8));

    TestRecords.produceRecords(
        topic,
        List.of(
            new ProducerRecord<>(topic.name(), null, "a", 1L, headers),
            new ProducerRecord<>(topic.name(), "b", 2L)));
    TestRecords.produce(topic, List.of(KeyValue.pair("c", 3L)));
    List<ConsumerRecord<String, Long>> records = TestRecords.consume(topic, 3, TIMEOUT);

    assertThat(TestRecords.keyValues(records))
        .containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("b", 2L), KeyValue.pair("c", 3L));
    assertThat(new String(records.get(0).headers().lastHeader("source").value(), StandardCharsets.UTF_8))
        .isEqualTo("sensor-7");
    assertThat(records.get(1).headers().toArray()).isEmpty();
  }

  @Test
  void consumeAll_afterProducing_returnsExactlyWhatTheTopicHolds() {
    Topic<String, String> topic =
        new Topic<>(KafkaFixture.uniqueTopic("all"), Serdes.String(), Serdes.String());
    KafkaFixture.createTopic(topic.name(), 2, Map.of());
    TestRecords.produce(topic, List.of(KeyValue.pair("k1", "v1"), KeyValue.pair("k2", "v2")));

    List<ConsumerRecord<String, String>> records = TestRecords.consumeAll(topic, TIMEOUT);

    assertThat(TestRecords.keyValues(records))
        .containsExactlyInAnyOrder(KeyValue.pair("k1", "v1"), KeyValue.pair("k2", "v2"));
  }

  @Test
  void uniqueTopic_calledTwice_givesDifferentLegalNamesWithThePrefix() {
    String first = KafkaFixture.uniqueTopic("input");
    String second = KafkaFixture.uniqueTopic("input");

    assertThat(first).isNotEqualTo(second).startsWith("input-");
    assertThat(new Topic<>(first, Serdes.String(), Serdes.String()).name()).isEqualTo(first);
  }
}
