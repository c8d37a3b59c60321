package io.surprisal.detect;

import io.surprisal.avro.Alert;
import io.surprisal.avro.ModelVersion;
import io.surprisal.avro.ScoredEvent;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.serde.AvroSerdeConfig;
import io.surprisal.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * {@link DetectorTopology#build} in a {@link TopologyTestDriver}, with the topics a test needs:
 * events in as Avro (through the real registry) or as raw bytes, models in as ModelVersion records
 * or raw bytes, and every output topic read back whole.
 */
final class DetectorDriver implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
  static final Instant EVENT_TIME = Instant.parse("2026-03-04T05:00:00Z");

  final DetectorSettings settings;
  final CurrentModel model = new CurrentModel();
  final DetectorMetrics metrics = DetectorMetrics.counting();
  final AvroSerializer eventSerializer;
  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> events;
  private final TestInputTopic<String, ModelVersion> models;
  private final TestInputTopic<byte[], byte[]> rawModels;
  private final TestOutputTopic<byte[], Alert> alerts;
  private final TestOutputTopic<byte[], ScoredEvent> scores;
  private final TestOutputTopic<byte[], byte[]> deadLetters;

  DetectorDriver(DetectorSettings settings, SchemaRegistryClient registry, ArtifactDecoder decoder) {
    this.settings = settings;
    AvroSerdeConfig serdeConfig = AvroSerdeConfig.defaults();
    StreamsBuilder builder = new StreamsBuilder();
    DetectorTopology.build(builder, settings, new DetectorResources(registry, serdeConfig,
        InputSchemas.fromRegistry(registry, settings.inputSubject()), decoder, model, metrics,
        Clock.fixed(NOW, ZoneOffset.UTC)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "detector-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props, EVENT_TIME);

    DetectorTopics topics = DetectorTopics.of(settings, registry, serdeConfig);
    eventSerializer = new AvroSerializer(registry, serdeConfig, false);
    events = driver.createInputTopic(settings.inputTopic(), new ByteArraySerializer(), new ByteArraySerializer(),
        EVENT_TIME, Duration.ofSeconds(1));
    models = driver.createInputTopic(settings.modelsTopic(), new StringSerializer(),
        SpecificAvroSerde.of(ModelVersion.class, registry, serdeConfig).serializer());
    rawModels = driver.createInputTopic(settings.modelsTopic(), new ByteArraySerializer(), new ByteArraySerializer());
    alerts = driver.createOutputTopic(settings.alertsTopic(), new ByteArrayDeserializer(),
        topics.alerts().valueSerde().deserializer());
    scores = topics.scores().map(t -> driver.createOutputTopic(t.name(), new ByteArrayDeserializer(),
        t.valueSerde().deserializer())).orElse(null);
    deadLetters = driver.createOutputTopic(settings.dlqTopic(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** The registry bytes of an event, as a producer would write them to the input topic. */
  byte[] serialize(Object event) {
    return eventSerializer.serialize(settings.inputTopic(), event);
  }

  /** Sends an event (serialized through the registry) with a key and headers. */
  void send(String key, Object event, Header... headers) {
    sendRaw(key == null ? null : key.getBytes(StandardCharsets.UTF_8), serialize(event),
        headers);
  }

  /** Sends raw value bytes with a key and headers. */
  void sendRaw(byte[] key, byte[] value, Header... headers) {
    events.pipeInput(new TestRecord<>(key, value, new RecordHeaders(headers), (Instant) null));
  }

  /** Publishes a model version on the models topic, keyed by its name. */
  void publish(ModelVersion version) {
    models.pipeInput(version.getName(), version);
  }

  /** Publishes raw bytes on the models topic. */
  void publishRaw(byte[] value) {
    rawModels.pipeInput(null, value);
  }

  List<TestRecord<byte[], Alert>> alerts() {
    return alerts.readRecordsToList();
  }

  List<TestRecord<byte[], ScoredEvent>> scores() {
    if (scores == null) {
      throw new IllegalStateException("the settings have no scores topic");
    }
    return scores.readRecordsToList();
  }

  List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters.readRecordsToList();
  }

  /** The timestamp the n-th event sent (0-based) carries. */
  static Instant eventTime(int n) {
    return EVENT_TIME.plusSeconds(n);
  }

  @Override
  public void close() {
    driver.close();
  }
}
