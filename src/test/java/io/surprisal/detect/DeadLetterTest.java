package io.surprisal.detect;

import static io.surprisal.detect.DetectorTopologyTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.avro.ModelVersion;
import io.surprisal.model.DensityModel;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroDeserializationException;
import io.surprisal.testing.SchemaRegistryFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an event can fail to be scored ends on the dead-letter topic with its key, value bytes
 * and headers unchanged, plus headers that name the error and where the event came from; nothing
 * else comes out. A registry outage is the exception: it fails loudly and dead-letters nothing.
 */
class DeadLetterTest {
  private static final RecordHeader TRACE = new RecordHeader("trace-id", "t-1".getBytes(StandardCharsets.UTF_8));

  private static SchemaRegistryClient registry;
  private final DensityModel model = TestModels.hostReadings();
  private DetectorDriver driver;

  @BeforeAll
  static void connect() {
    registry = SchemaRegistryClient.create(SchemaRegistryConfig.of(SchemaRegistryFixture.url()));
  }

  @AfterAll
  static void disconnect() {
    registry.close();
  }

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  private DetectorDriver start(SchemaRegistryClient client) {
    driver = new DetectorDriver(DetectorSettings.of(SchemaRegistryFixture.uniqueTopic("events"),
        SchemaRegistryFixture.uniqueTopic("alerts"), SchemaRegistryFixture.uniqueTopic("models"),
        SchemaRegistryFixture.uniqueTopic("dlq")), client, ModelCodec::decode);
    return driver;
  }

  private ModelVersion version1() {
    return TestModels.version("surprisal", 1, driver.settings.inputTopic(), HostReadings.SPEC, ModelCodec.encode(model));
  }

  /** A value: what the test sends, made with the driver (whose registry assigns schema ids). */
  record Case(String name, Function<DetectorDriver, byte[]> value, DeadLetterCode code, String feature,
      String messagePart) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> unscorableEvents() {
    return Stream.of(
        new Case("JSON instead of Avro", d -> bytes("{\"host\":\"h1\"}"), DeadLetterCode.UNDECODABLE, null,
            "magic byte"),
        new Case("Avro cut short", d -> Arrays.copyOf(d.serialize(HostReadings.normal("h1")), 12),
            DeadLetterCode.UNDECODABLE, null, "CORRUPT_AVRO"),
        new Case("schema id the registry does not know", d -> new byte[] {0, 0x7f, (byte) 0xff, 0x00, 0x11, 2, 'x'},
            DeadLetterCode.UNKNOWN_SCHEMA, null, "UNKNOWN_SCHEMA_ID"),
        new Case("tombstone", d -> null, DeadLetterCode.NO_VALUE, null, "no value"),
        new Case("an Avro string", d -> elsewhere(d, "just text"), DeadLetterCode.NOT_A_RECORD, null,
            "not an Avro record"),
        new Case("schema without bytes_in", d -> elsewhere(d, withoutBytesIn()), DeadLetterCode.MISSING_FEATURE,
            "bytes_in", "has no field 'bytes_in'"),
        new Case("latency record null", d -> d.serialize(HostReadings.reading("h1", 1f, null, 50, 1L, true)),
            DeadLetterCode.NULL_FEATURE, "latency.p99_ms", "is null"),
        new Case("connections as a string", d -> elsewhere(d, connectionsAsText()), DeadLetterCode.NOT_A_NUMBER,
            "connections", "is a string, not an int"),
        new Case("load NaN", d -> d.serialize(HostReadings.reading("h1", Float.NaN, 200.0, 50, 1L, true)),
            DeadLetterCode.NOT_FINITE, "load", "NaN"),
        new Case("p99 infinite", d -> d.serialize(HostReadings.reading("h1", 1f, Double.POSITIVE_INFINITY, 50, 1L,
            true)), DeadLetterCode.NOT_FINITE, "latency.p99_ms", "Infinity"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unscorableEvents")
  void score_unscorableEvent_goesToTheDeadLetterTopicUnchangedWithErrorHeaders(Case c) {
    start(registry).publish(version1());
    driver.send("h0", HostReadings.normal("h0"));
    byte[] value = c.value().apply(driver);

    driver.sendRaw(bytes("h1"), value, TRACE);

    List<TestRecord<byte[], byte[]>> dead = driver.deadLetters();
    assertThat(dead).hasSize(1);
    TestRecord<byte[], byte[]> letter = dead.get(0);
    assertThat(letter.key()).isEqualTo(bytes("h1"));
    assertThat(letter.value()).isEqualTo(value);
    assertThat(letter.getRecordTime()).isEqualTo(DetectorDriver.eventTime(1));
    List<Map.Entry<String, String>> headers = DeadLetterAssertions.all(letter.headers());
    assertThat(headers.get(0)).isEqualTo(Map.entry("trace-id", "t-1"));
    assertThat(DeadLetterAssertions.header(letter, DeadLetterHeaders.ERROR_CODE)).isEqualTo(c.code().name());
    assertThat(DeadLetterAssertions.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains(c.messagePart());
    assertThat(DeadLetterAssertions.header(letter, DeadLetterHeaders.ERROR_FEATURE)).isEqualTo(c.feature());
    assertThat(DeadLetterAssertions.header(letter, DeadLetterHeaders.SOURCE_TOPIC))
        .isEqualTo(driver.settings.inputTopic());
    assertThat(DeadLetterAssertions.header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(DeadLetterAssertions.header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(DeadLetterAssertions.header(letter, DeadLetterHeaders.MODEL_VERSION)).isEqualTo("1");
    assertThat(driver.alerts()).isEmpty();
    assertThat(driver.metrics.snapshot().deadLetters()).containsEntry(c.code(), 1L);
    assertThat(driver.metrics.snapshot().deadLettersTotal()).isEqualTo(1);
    assertThat(driver.metrics.snapshot().eventsScored()).isEqualTo(1);
  }

  @Test
  void score_beforeAnyModel_deadLettersAsNoModelForReplay() {
    start(registry);
    byte[] value = driver.serialize(HostReadings.anomalous("h1"));

    driver.sendRaw(bytes("h1"), value, TRACE);

    List<TestRecord<byte[], byte[]>> dead = driver.deadLetters();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).value()).isEqualTo(value);
    assertThat(DeadLetterAssertions.header(dead.get(0), DeadLetterHeaders.ERROR_CODE)).isEqualTo("NO_MODEL");
    assertThat(DeadLetterAssertions.header(dead.get(0), DeadLetterHeaders.MODEL_VERSION)).isNull();
    assertThat(DeadLetterAssertions.header(dead.get(0), "trace-id")).isEqualTo("t-1");
    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void score_registryUnreachable_failsAndDeadLettersNothing() {
    start(registry);
    byte[] value = driver.serialize(HostReadings.anomalous("h1"));
    driver.close();
    SchemaRegistryConfig unreachable = SchemaRegistryConfig.parse(Map.of(
        SchemaRegistryConfig.URL, "http://127.0.0.1:1", SchemaRegistryConfig.MAX_RETRIES, "0"));
    try (SchemaRegistryClient dead = SchemaRegistryClient.create(unreachable)) {
      start(dead).model.install(new ActiveModel("surprisal", 1, model, FeaturePaths.of(HostReadings.FEATURES),
          TestModels.ALPHA));

      assertThatThrownBy(() -> driver.sendRaw(bytes("h1"), value))
          .satisfies(e -> assertThat(causes(e)).anySatisfy(cause ->
              assertThat(cause).isInstanceOfSatisfying(AvroDeserializationException.class,
                  a -> assertThat(a.reason().transientFailure()).isTrue())));
      assertThat(driver.deadLetters()).isEmpty();
      assertThat(driver.alerts()).isEmpty();
      assertThat(driver.metrics.snapshot().deadLettersTotal()).isZero();
    }
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** Serialized under another subject, so that the input subject's schema stays the readings'. */
  private static byte[] elsewhere(DetectorDriver d, Object value) {
    return d.eventSerializer.serialize(d.settings.inputTopic() + "-elsewhere", value);
  }

  private static GenericRecord withoutBytesIn() {
    Schema schema = SchemaBuilder.record("HostReading").namespace("io.example.hosts.v0").fields()
        .requiredFloat("load")
        .name("latency").type(HostReadings.LATENCY).noDefault()
        .requiredInt("connections")
        .requiredBoolean("healthy")
        .endRecord();
    GenericRecord latency = new GenericData.Record(HostReadings.LATENCY);
    latency.put("p99_ms", 200.0);
    GenericRecord record = new GenericData.Record(schema);
    record.put("load", 1f);
    record.put("latency", latency);
    record.put("connections", 50);
    record.put("healthy", true);
    return record;
  }

  private static GenericRecord connectionsAsText() {
    Schema schema = SchemaBuilder.record("HostReading").namespace("io.example.hosts.text").fields()
        .requiredFloat("load")
        .name("latency").type(HostReadings.LATENCY).noDefault()
        .requiredString("connections")
        .requiredLong("bytes_in")
        .requiredBoolean("healthy")
        .endRecord();
    GenericRecord latency = new GenericData.Record(HostReadings.LATENCY);
    latency.put("p99_ms", 200.0);
    GenericRecord record = new GenericData.Record(schema);
    record.put("load", 1f);
    record.put("latency", latency);
    record.put("connections", "fifty");
    record.put("bytes_in", 1L);
    record.put("healthy", true);
    return record;
  }
}
