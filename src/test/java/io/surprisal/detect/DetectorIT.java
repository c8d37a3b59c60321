package io.surprisal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.surprisal.avro.Alert;
import io.surprisal.avro.ModelVersion;
import io.surprisal.avro.ScoredEvent;
import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.kafka.Topic;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroSerde;
import io.surprisal.serde.AvroSerdeConfig;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.SchemaRegistryFixture;
import io.surprisal.testing.TestRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detector on a real broker (in this JVM) and a real Apicurio registry: every event accounted
 * for under both processing guarantees, events held until the first model, and model versions
 * reaching every instance of a scaled-out detector.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DetectorIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static SchemaRegistryClient registry;
  private final List<Detector> detectors = new ArrayList<>();

  @BeforeAll
  static void connect() {
    registry = SchemaRegistryClient.create(SchemaRegistryConfig.of(SchemaRegistryFixture.url()));
  }

  @AfterAll
  static void disconnect() {
    registry.close();
  }

  @AfterEach
  void closeDetectors() {
    detectors.forEach(Detector::close);
  }

  /** The topics of one test, created fresh, and how the test writes and reads them. */
  private record Topics(Topic<byte[], Object> events, Topic<byte[], byte[]> rawEvents,
      Topic<String, ModelVersion> models, Topic<byte[], Alert> alerts, Topic<byte[], ScoredEvent> scores,
      Topic<byte[], byte[]> deadLetters) {

    static Topics create(int inputPartitions) {
      AvroSerdeConfig serde = AvroSerdeConfig.defaults();
      String input = KafkaFixture.uniqueTopic("events");
      Topics topics = new Topics(
          new Topic<>(input, Serdes.ByteArray(), AvroSerde.create(registry, serde, false)),
          new Topic<>(input, Serdes.ByteArray(), Serdes.ByteArray()),
          new Topic<>(KafkaFixture.uniqueTopic("models"), Serdes.String(),
              SpecificAvroSerde.of(ModelVersion.class, registry, serde)),
          new Topic<>(KafkaFixture.uniqueTopic("alerts"), Serdes.ByteArray(),
              SpecificAvroSerde.of(Alert.class, registry, serde)),
          new Topic<>(KafkaFixture.uniqueTopic("scores"), Serdes.ByteArray(),
              SpecificAvroSerde.of(ScoredEvent.class, registry, serde)),
          new Topic<>(KafkaFixture.uniqueTopic("dlq"), Serdes.ByteArray(), Serdes.ByteArray()));
      KafkaFixture.createTopic(input, inputPartitions, Map.of());
      KafkaFixture.createTopic(topics.models().name(), 1, Map.of("cleanup.policy", "compact"));
      for (String name : List.of(topics.alerts().name(), topics.scores().name(), topics.deadLetters().name())) {
        KafkaFixture.createTopic(name, 1, Map.of());
      }
      return topics;
    }
  }

  private Detector detector(Topics topics, String applicationId, String guarantee, Path stateDir) {
    Map<String, String> values = new HashMap<>();
    values.put("bootstrap.servers", KafkaFixture.bootstrapServers());
    values.put("schema.registry.url", SchemaRegistryFixture.url());
    values.put("input.topic", topics.events().name());
    values.put("models.topic", topics.models().name());
    values.put("alerts.topic", topics.alerts().name());
    values.put("scores.topic", topics.scores().name());
    values.put("dlq.topic", topics.deadLetters().name());
    values.put("application.id", applicationId);
    values.put("processing.guarantee", guarantee);
    values.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    values.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    Detector detector = Detector.create(Config.of(values, ConfigKeys.ALL));
    detectors.add(detector);
    return detector;
  }

  private void publish(Topics topics, long version, double alpha) {
    TestRecords.produce(topics.models(), List.of(KeyValue.pair("surprisal",
        TestModels.version("surprisal", version, topics.events().name(), HostReadings.SPEC,
            ModelCodec.encode(TestModels.hostReadings().withAlpha(alpha))))));
  }

  @ParameterizedTest(name = "processing.guarantee={0}")
  @ValueSource(strings = {StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2})
  void detect_mixedEvents_accountsForEveryEventExactlyOnce(String guarantee, @TempDir Path stateDir) {
    // 1. configure: fresh topics, the model published before the detector starts
    Topics topics = Topics.create(1);
    publish(topics, 1, TestModels.ALPHA);

    // 2. produce: 6 normal, 3 anomalous, 3 bad events, interleaved
    List<ProducerRecord<byte[], byte[]>> events = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      byte[] key = ("h" + i).getBytes(StandardCharsets.UTF_8);
      byte[] value = switch (i % 4) {
        case 0, 2 -> serialize(topics, HostReadings.normal("h" + i));
        case 1 -> serialize(topics, HostReadings.anomalous("h" + i));
        default -> i == 3 ? "garbage".getBytes(StandardCharsets.UTF_8)
            : serialize(topics, HostReadings.reading("h" + i, Float.NaN, 200.0, 50, 1L, true));
      };
      events.add(new ProducerRecord<>(topics.events().name(), key, value));
    }
    TestRecords.produceRecords(topics.rawEvents(), events);

    // 3. run the detector until every event came out somewhere, then stop it
    Detector detector = detector(topics, KafkaFixture.uniqueTopic("detector"), guarantee, stateDir);
    detector.start();
    await("all 12 events scored or dead-lettered", () -> detector.metrics().snapshot().eventsScored()
        + detector.metrics().snapshot().deadLettersTotal() >= 12);
    detector.close();

    // 4. verify: scores and dead letters partition the input; alerts are exactly the alerting scores
    List<ConsumerRecord<byte[], ScoredEvent>> scores = TestRecords.consumeAll(topics.scores(), TIMEOUT);
    List<ConsumerRecord<byte[], byte[]>> dead = TestRecords.consumeAll(topics.deadLetters(), TIMEOUT);
    List<ConsumerRecord<byte[], Alert>> alerts = TestRecords.consumeAll(topics.alerts(), TIMEOUT);
    assertThat(scores).extracting(r -> r.value().getSourceOffset())
        .containsExactly(0L, 1L, 2L, 4L, 5L, 6L, 8L, 9L, 10L);
    assertThat(dead).extracting(r -> DeadLetterAssertions.header(r.headers(), DeadLetterHeaders.SOURCE_OFFSET),
            r -> DeadLetterAssertions.header(r.headers(), DeadLetterHeaders.ERROR_CODE))
        .containsExactly(tuple("3", "UNDECODABLE"),
            tuple("7", "NOT_FINITE"),
            tuple("11", "NOT_FINITE"));
    assertThat(dead).extracting(ConsumerRecord::value).containsExactly(events.get(3).value(), events.get(7).value(),
        events.get(11).value());
    assertThat(alerts).extracting(r -> r.value().getSourceOffset()).containsExactly(1L, 5L, 9L);
    assertThat(scores).filteredOn(r -> r.value().getAlert()).extracting(r -> r.value().getSourceOffset())
        .containsExactly(1L, 5L, 9L);
    assertThat(alerts).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("h1", "h5", "h9");
    assertThat(alerts).allSatisfy(r -> assertThat(r.value().getModelVersion()).isEqualTo(1));
  }

  @Test
  void detect_eventsBeforeTheFirstModel_areHeldAndScoredOnceItArrives(@TempDir Path stateDir) throws Exception {
    // 1. configure: no model yet; the detector starts and holds
    Topics topics = Topics.create(1);
    Detector detector = detector(topics, KafkaFixture.uniqueTopic("detector"), StreamsConfig.AT_LEAST_ONCE,
        stateDir);
    detector.start();
    await("detector running", () -> detector.state() == KafkaStreams.State.RUNNING);

    // 2. produce events while there is no model, and give the detector time to (not) process them
    TestRecords.produce(topics.events(), List.of(
        KeyValue.pair(bytes("h0"), HostReadings.normal("h0")),
        KeyValue.pair(bytes("h1"), HostReadings.anomalous("h1")),
        KeyValue.pair(bytes("h2"), HostReadings.normal("h2"))));
    Thread.sleep(2_000);
    assertThat(detector.holding()).isTrue();
    assertThat(detector.metrics().snapshot().eventsScored()).isZero();
    assertThat(detector.metrics().snapshot().deadLettersTotal()).isZero();

    // 3. publish the first model: the held events are scored with it
    publish(topics, 1, TestModels.ALPHA);
    await("3 events scored", () -> detector.metrics().snapshot().eventsScored() >= 3);
    detector.close();

    // 4. verify: all scored by version 1, none dead-lettered, the anomaly alerted
    assertThat(TestRecords.consumeAll(topics.scores(), TIMEOUT))
        .extracting(r -> r.value().getSourceOffset(), r -> r.value().getModelVersion())
        .containsExactly(tuple(0L, 1L), tuple(1L, 1L),
            tuple(2L, 1L));
    assertThat(TestRecords.consumeAll(topics.deadLetters(), TIMEOUT)).isEmpty();
    assertThat(TestRecords.consumeAll(topics.alerts(), TIMEOUT)).extracting(r -> r.value().getSourceOffset())
        .containsExactly(1L);
  }

  @Test
  void detect_twoInstances_bothReceiveEveryModelVersion(@TempDir Path stateA, @TempDir Path stateB) {
    // 1. configure: input with 2 partitions, two instances of one detector, model version 1
    Topics topics = Topics.create(2);
    publish(topics, 1, TestModels.ALPHA);
    String applicationId = KafkaFixture.uniqueTopic("detector");
    Detector a = detector(topics, applicationId, StreamsConfig.AT_LEAST_ONCE, stateA);
    Detector b = detector(topics, applicationId, StreamsConfig.AT_LEAST_ONCE, stateB);
    a.start();
    b.start();
    await("one input partition per instance", () -> a.state() == KafkaStreams.State.RUNNING
        && b.state() == KafkaStreams.State.RUNNING && a.assignedPartitions().size() == 1
        && b.assignedPartitions().size() == 1);
    assertThat(a.modelVersion()).hasValue(1);
    assertThat(b.modelVersion()).hasValue(1);

    // 2. produce anomalies to both partitions; publish version 2; produce more
    produceAnomalies(topics, 0);
    await("6 events scored", () -> a.metrics().snapshot().eventsScored() + b.metrics().snapshot().eventsScored() >= 6);
    publish(topics, 2, 0.2);
    await("both instances on version 2", () -> a.modelVersion().orElse(0) == 2 && b.modelVersion().orElse(0) == 2);
    produceAnomalies(topics, 3);
    await("12 events scored", () -> a.metrics().snapshot().eventsScored()
        + b.metrics().snapshot().eventsScored() >= 12);

    // 3. verify: each instance scored its partition's events; after the swap both partitions' alerts name v2
    assertThat(a.metrics().snapshot().eventsScored()).isEqualTo(6);
    assertThat(b.metrics().snapshot().eventsScored()).isEqualTo(6);
    assertThat(Set.of(a.assignedPartitions(), b.assignedPartitions())).containsExactlyInAnyOrder(
        Set.of(new TopicPartition(topics.events().name(), 0)), Set.of(new TopicPartition(topics.events().name(), 1)));
    List<ConsumerRecord<byte[], Alert>> alerts = TestRecords.consume(topics.alerts(), 12, TIMEOUT);
    assertThat(alerts).hasSize(12);
    assertThat(alerts).extracting(r -> r.value().getSourcePartition(), r -> r.value().getSourceOffset(),
            r -> r.value().getModelVersion(), r -> r.value().getAlpha())
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 2).boxed().flatMap(p -> IntStream.range(0, 6)
            .mapToObj(o -> tuple(p, (long) o, o < 3 ? 1L : 2L,
                o < 3 ? TestModels.ALPHA : 0.2))).toList());
  }

  /** Three anomalous events to each input partition. */
  private static void produceAnomalies(Topics topics, int first) {
    List<ProducerRecord<byte[], Object>> records = new ArrayList<>();
    for (int partition = 0; partition < 2; partition++) {
      for (int i = first; i < first + 3; i++) {
        String host = "p" + partition + "-h" + i;
        records.add(new ProducerRecord<>(topics.events().name(), partition, bytes(host),
            HostReadings.anomalous(host)));
      }
    }
    TestRecords.produceRecords(topics.events(), records);
  }

  private static byte[] serialize(Topics topics, Object event) {
    return topics.events().valueSerde().serializer().serialize(topics.events().name(), event);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what, e);
      }
    }
  }
}
