package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.example.SensorReading;
import io.surprisal.avro.example.ServiceTelemetry;
import io.surprisal.generate.SimulatedEvent;
import io.surprisal.kafka.Topic;
import io.surprisal.serde.AvroSerde;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.SchemaRegistryFixture;
import io.surprisal.testing.TestRecords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code surprisal generate} in process against the real broker and registry. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GenerateCommandIT {

  @Test
  void generate_count_writesThatManyEventsWithTruthHeadersAndAboutOnePercentAnomalies() {
    // 1. generate 2000 events as fast as possible
    String topic = KafkaFixture.uniqueTopic("telemetry");
    KafkaFixture.createTopic(topic, 1, Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = generate(out, "--topic", topic, "--count", "2000", "--rate", "0", "--seed", "7");

    // 2. the command reports what it wrote
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).matches("wrote 2000 events to '" + topic + "', \\d+ of them anomalies\n");

    // 3. the topic holds exactly those events, keyed by instance, each with its ground truth
    List<ConsumerRecord<String, Object>> records = consume(topic);
    assertThat(records).hasSize(2000);
    assertThat(records).allSatisfy(r -> {
      assertThat(r.value()).isInstanceOf(ServiceTelemetry.class);
      assertThat(r.key()).isEqualTo(((ServiceTelemetry) r.value()).getInstanceId());
      assertThat(r.headers().lastHeader(SimulatedEvent.TRUTH_HEADER)).isNotNull();
    });
    long anomalies = records.stream().filter(r -> SimulatedEvent.isAnomaly(r.headers())).count();
    assertThat(anomalies).isBetween(8L, 35L); // binomial(2000, 0.01): 20 +- 4.5
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(", " + anomalies + " of them anomalies");
    assertThat(records.stream().filter(r -> SimulatedEvent.isAnomaly(r.headers())))
        .allSatisfy(r -> assertThat(r.headers().lastHeader(SimulatedEvent.KIND_HEADER)).isNotNull());
  }

  @Test
  void generate_sensors_writesPumpReadingsKeyedByPumpWithTheirTruth() {
    // 1. generate 500 sensor readings with 10 % anomalies
    String topic = KafkaFixture.uniqueTopic("sensors");
    KafkaFixture.createTopic(topic, 1, Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = generate(out, "--topic", topic, "--count", "500", "--rate", "0", "--events", "sensors",
        "--anomaly-rate", "0.1");

    // 2. the topic holds pump readings, keyed by pump, anomalies marked with the mirrored sensor
    assertThat(code).isZero();
    List<ConsumerRecord<String, Object>> records = consume(topic);
    assertThat(records).hasSize(500).allSatisfy(r -> {
      assertThat(r.value()).isInstanceOf(SensorReading.class);
      assertThat(r.key()).isEqualTo(((SensorReading) r.value()).getPumpId());
    });
    assertThat(records.stream().filter(r -> SimulatedEvent.isAnomaly(r.headers()))).isNotEmpty().allSatisfy(r ->
        assertThat(new String(r.headers().lastHeader(SimulatedEvent.KIND_HEADER).value(), StandardCharsets.UTF_8))
            .startsWith("mirrored_"));
  }

  private static int generate(ByteArrayOutputStream out, String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "generate";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--set";
    args[options.length + 2] = "bootstrap.servers=" + KafkaFixture.bootstrapServers();
    args[options.length + 3] = "--set";
    args[options.length + 4] = "schema.registry.url=" + SchemaRegistryFixture.url();
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true));
  }

  private static List<ConsumerRecord<String, Object>> consume(String topic) {
    var serde = AvroSerde.create(Map.of("schema.registry.url", SchemaRegistryFixture.url(),
        "specific.avro.reader", true, "specific.avro.trusted.packages", "io.surprisal.avro"), false);
    return TestRecords.consumeAll(new Topic<>(topic, Serdes.String(), serde), Duration.ofSeconds(60));
  }
}
