package io.surprisal;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.Alert;
import io.surprisal.avro.ScoredEvent;
import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.demo.Confusion;
import io.surprisal.detect.DeadLetterHeaders;
import io.surprisal.detect.Detector;
import io.surprisal.detect.SpecificAvroSerde;
import io.surprisal.generate.SimulatedEvent;
import io.surprisal.generate.EventProducer;
import io.surprisal.generate.TelemetrySimulator;
import io.surprisal.kafka.Topic;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroSerdeConfig;
import io.surprisal.serde.AvroSerializer;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.SchemaRegistryFixture;
import io.surprisal.testing.TestRecords;
import io.surprisal.trainer.Trainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on the real broker and Apicurio registry: 20,000 generated events (1 %
 * anomalies) and 3 undecodable records go through the trainer and the detector. The detector scores
 * every event or dead-letters it, alerts with recall of at least 0.9 at the default alpha, and swaps
 * to a model version the trainer published while events were flowing.
 *
 * <p>The timing waits on conditions, never on sleeps: the first 5,000 events make version 1 (the
 * detector holds them until it exists); the next 10,000 make the trainer publish again, and the
 * last 5,000 are produced only once the detector scores with a later version.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class EndToEndIT {
  private static final Logger LOG = LoggerFactory.getLogger(EndToEndIT.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final double DEFAULT_ALPHA = 0.001;

  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable component : running.reversed()) {
      component.close();
    }
  }

  @Test
  void pipeline_20000EventsWithOnePercentAnomalies_recallAtLeast90PercentEveryEventAccountedForTwoModelVersions(
      @TempDir Path stateDir) throws Exception {
    // 1. configure: fresh topics; a trainer that fits the demo's small flow on the newest 5,000 events
    //    whenever 5,000 new ones arrived; a detector that also writes every score
    String input = KafkaFixture.uniqueTopic("telemetry");
    String models = KafkaFixture.uniqueTopic("models");
    String alerts = KafkaFixture.uniqueTopic("alerts");
    String scores = KafkaFixture.uniqueTopic("scores");
    String dlq = KafkaFixture.uniqueTopic("dlq");
    KafkaFixture.createTopic(input, 3, Map.of());
    KafkaFixture.createTopic(models, 1, Map.of("cleanup.policy", "compact"));
    for (String output : List.of(alerts, scores, dlq)) {
      KafkaFixture.createTopic(output, 1, Map.of());
    }
    Trainer trainer = start(new Trainer(config("input.topic", input, "models.topic", models,
        "group.id", input + "-trainer", "window.size", "5000", "retrain.min.new.events", "5000",
        "retrain.interval", "1s", "model.flow", "maf", "model.layers", "4", "model.hidden", "16",
        "model.epochs", "20", "model.calibration.fraction", "0.3", "retrain.exclude.flagged", "false",
        // two fits of this small flow on successive 5,000-event windows differ by a few tenths of a nat in
        // held-out NLL either way; the default fence (0.25) then refused a retrained version now and then,
        // and this test is about the swap, not the fence (TrainerIT tests the fence)
        "publish.max.nll.regression", "1.0")));
    trainer.start();
    Detector detector = start(Detector.create(config("input.topic", input, "models.topic", models,
        "alerts.topic", alerts, "scores.topic", scores, "dlq.topic", dlq, "application.id", input + "-detector",
        "state.dir", stateDir.toString())));
    detector.start();

    // 2. produce the first 5,000 events: the detector holds them until the trainer publishes version 1
    SchemaRegistryClient registry = start(SchemaRegistryClient.create(
        SchemaRegistryConfig.of(SchemaRegistryFixture.url())));
    Events events = start(new Events(input));
    events.produce(5000);
    await("version 1 scoring the first 5,000 events", () -> detector.modelVersion().orElse(0) == 1
        && accounted(detector) == 5000);

    // 3. produce 10,000 more: the trainer publishes a newer version while the detector scores with version 1
    events.produce(10_000);
    await("a version after 1 in force", () -> detector.modelVersion().orElse(0) >= 2);

    // 4. produce the last 5,000 and 3 records that are not Avro at all
    events.produce(5000);
    TestRecords.produceRecords(new Topic<>(input, Serdes.ByteArray(), Serdes.ByteArray()),
        IntStream.range(0, 3).mapToObj(i -> new ProducerRecord<>(input, bytes("poison-" + i), bytes("not avro " + i)))
            .toList());
    await("all 20,003 records scored or dead-lettered", () -> accounted(detector) == 20_003);
    detector.close();
    trainer.close();

    // 5. verify: scores and dead letters partition the input records, each exactly once
    List<ConsumerRecord<byte[], byte[]>> inputRecords =
        TestRecords.consumeAll(new Topic<>(input, Serdes.ByteArray(), Serdes.ByteArray()), TIMEOUT);
    List<ConsumerRecord<byte[], ScoredEvent>> scored = TestRecords.consumeAll(
        new Topic<>(scores, Serdes.ByteArray(), SpecificAvroSerde.of(ScoredEvent.class, registry, serde())), TIMEOUT);
    List<ConsumerRecord<byte[], byte[]>> deadLetters =
        TestRecords.consumeAll(new Topic<>(dlq, Serdes.ByteArray(), Serdes.ByteArray()), TIMEOUT);
    List<ConsumerRecord<byte[], Alert>> alerted = TestRecords.consumeAll(
        new Topic<>(alerts, Serdes.ByteArray(), SpecificAvroSerde.of(Alert.class, registry, serde())), TIMEOUT);
    List<String> outputCoordinates = new ArrayList<>();
    scored.forEach(r -> outputCoordinates.add(r.value().getSourcePartition() + "@" + r.value().getSourceOffset()));
    deadLetters.forEach(r -> outputCoordinates.add(header(r, DeadLetterHeaders.SOURCE_PARTITION) + "@"
        + header(r, DeadLetterHeaders.SOURCE_OFFSET)));
    assertThat(inputRecords).hasSize(20_003);
    assertThat(outputCoordinates).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(inputRecords.stream().map(r -> r.partition() + "@" + r.offset()).toList());
    assertThat(scored).hasSize(20_000);
    assertThat(deadLetters).extracting(r -> header(r, DeadLetterHeaders.ERROR_CODE)).containsOnly("UNDECODABLE")
        .hasSize(3);

    // 6. verify: against the generator's truth (copied onto each score), recall >= 0.9 at the default
    //    alpha, and false alarms a few times alpha at most
    Confusion confusion = Confusion.EMPTY;
    for (ConsumerRecord<byte[], ScoredEvent> r : scored) {
      assertThat(r.value().getAlpha()).isEqualTo(DEFAULT_ALPHA);
      confusion = confusion.plus(r.value().getAlert(), SimulatedEvent.isAnomaly(r.headers()));
    }
    LOG.info("end to end at alpha {}: recall {} ({} of {} anomalies), precision {}, false-positive rate {} ({}),"
            + " versions published {}", DEFAULT_ALPHA, confusion.recall(), confusion.truePositives(),
        confusion.anomalies(), confusion.precision(), confusion.falsePositiveRate(), confusion.falsePositives(),
        trainer.metrics().versionsPublished());
    assertThat(confusion.anomalies()).isEqualTo(events.anomalies());
    assertThat(confusion.recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(confusion.falsePositiveRate()).isLessThan(5 * DEFAULT_ALPHA);

    // 7. verify: alerts are exactly the alerting scores, and name version 1 and a later one
    assertThat(alerted).extracting(r -> r.value().getSourcePartition() + "@" + r.value().getSourceOffset() + " v"
            + r.value().getModelVersion())
        .containsExactlyInAnyOrderElementsOf(scored.stream().filter(r -> r.value().getAlert())
            .map(r -> r.value().getSourcePartition() + "@" + r.value().getSourceOffset() + " v"
                + r.value().getModelVersion()).toList());
    Set<Long> alertVersions = alerted.stream().map(r -> r.value().getModelVersion())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(alertVersions).contains(1L).anyMatch(v -> v >= 2);
    assertThat(trainer.metrics().versionsPublished()).isGreaterThanOrEqualTo(2);
  }

  private <T extends AutoCloseable> T start(T component) {
    running.add(component);
    return component;
  }

  /** The test cluster's and registry's settings and these keys and values. */
  private static Config config(String... keysAndValues) {
    Map<String, String> all = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      all.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    all.put("bootstrap.servers", KafkaFixture.bootstrapServers());
    all.put("schema.registry.url", SchemaRegistryFixture.url());
    return Config.of(all, ConfigKeys.ALL);
  }

  private static AvroSerdeConfig serde() {
    return AvroSerdeConfig.defaults();
  }

  private static long accounted(Detector detector) {
    var counts = detector.metrics().snapshot();
    return counts.eventsScored() + counts.deadLettersTotal();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  /** One simulation (seed 1, 1 % anomalies) written to the input topic in parts, as fast as the producer goes. */
  private static final class Events implements AutoCloseable {
    private final TelemetrySimulator simulator = new TelemetrySimulator(1, 0.01, Instant.now());
    private final AvroSerializer serializer = new AvroSerializer();
    private final EventProducer producer;
    private long anomalies;

    Events(String topic) {
      Map<String, Object> kafka = KafkaFixture.clientConfig();
      kafka.put("schema.registry.url", SchemaRegistryFixture.url());
      serializer.configure(kafka, false);
      producer = new EventProducer(kafka, serializer, topic);
    }

    void produce(int count) throws InterruptedException {
      anomalies += producer.send(simulator, count, Long.MAX_VALUE, 0, System::nanoTime).anomalies();
    }

    /** Anomalies among the events produced so far. */
    long anomalies() {
      return anomalies;
    }

    @Override
    public void close() {
      producer.close();
      serializer.close();
    }
  }
}
