package io.surprisal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.TestRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tiny Kafka Streams application (upper-cases values) on the test cluster, once per processing
 * guarantee: proves that the cluster runs Kafka Streams, including exactly_once_v2, and that
 * {@link Topic#consumed()} and {@link Topic#produced()} carry the serdes.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UppercaseStreamsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  static void buildTopology(
      StreamsBuilder builder, Topic<String, String> input, Topic<String, String> output) {
    builder.stream(input.name(), input.consumed())
        .mapValues(value -> value.toUpperCase(java.util.Locale.ROOT))
        .to(output.name(), output.produced());
  }

  static Properties streamsConfig(String applicationId, String guarantee, Path stateDir) {
    Properties props = new Properties();
    props.putAll(KafkaFixture.clientConfig());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put("consumer.auto.offset.reset", "earliest");
    return props;
  }

  @ParameterizedTest(name = "processing.guarantee={0}")
  @ValueSource(strings = {StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE})
  void uppercase_withGuarantee_writesExactlyTheUppercasedRecords(String guarantee, @TempDir Path stateDir) {
    // 1. configure: fresh topics and application id, so runs never see each other's records
    Topic<String, String> input =
        new Topic<>(KafkaFixture.uniqueTopic("input"), Serdes.String(), Serdes.String());
    Topic<String, String> output =
        new Topic<>(KafkaFixture.uniqueTopic("output"), Serdes.String(), Serdes.String());
    KafkaFixture.createTopic(input.name(), 1, Map.of());
    KafkaFixture.createTopic(output.name(), 1, Map.of());
    StreamsBuilder builder = new StreamsBuilder();
    buildTopology(builder, input, output);

    // 2. produce
    TestRecords.produce(
        input, List.of(KeyValue.pair("a", "alpha"), KeyValue.pair("b", "beta"), KeyValue.pair("a", "gamma")));

    // 3. run the app until its output arrived, then stop it (which commits its last transaction)
    String applicationId = KafkaFixture.uniqueTopic("uppercase");
    try (KafkaStreams streams =
        new KafkaStreams(builder.build(), streamsConfig(applicationId, guarantee, stateDir))) {
      streams.start();
      assertThat(TestRecords.consume(output, 3, TIMEOUT)).hasSize(3);
    }

    // 4. verify: exactly these records, in order, and nothing else
    assertThat(TestRecords.keyValues(TestRecords.consumeAll(output, TIMEOUT)))
        .containsExactly(
            KeyValue.pair("a", "ALPHA"), KeyValue.pair("b", "BETA"), KeyValue.pair("a", "GAMMA"));
  }
}
