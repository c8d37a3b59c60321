package io.surprisal.detect;

import static io.surprisal.detect.DetectorDriver.EVENT_TIME;
import static io.surprisal.detect.DetectorDriver.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.surprisal.avro.Alert;
import io.surprisal.avro.FeatureAttribution;
import io.surprisal.avro.FeatureValue;
import io.surprisal.avro.ModelVersion;
import io.surprisal.avro.ScoredEvent;
import io.surprisal.model.DensityModel;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.model.Score;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.testing.SchemaRegistryFixture;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link DetectorTopology#build}, the method the detector runs, in a TopologyTestDriver
 * against a real schema registry: routing, the scores topic, model swaps and the poison pill. Every
 * test asserts the exact records on every output topic. Dead letters and refusals have their own
 * classes.
 */
class DetectorTopologyTest {
  private static final RecordHeader GROUND_TRUTH =
      new RecordHeader("ground-truth", "anomaly".getBytes(StandardCharsets.UTF_8));

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

  private DetectorDriver start(DetectorSettings settings) {
    driver = new DetectorDriver(settings, registry, ModelCodec::decode);
    return driver;
  }

  private static DetectorSettings settings() {
    return DetectorSettings.of(SchemaRegistryFixture.uniqueTopic("events"), SchemaRegistryFixture.uniqueTopic("alerts"),
        SchemaRegistryFixture.uniqueTopic("models"), SchemaRegistryFixture.uniqueTopic("dlq"));
  }

  private ModelVersion version(long number, DensityModel m) {
    return TestModels.version("surprisal", number, driver.settings.inputTopic(), HostReadings.SPEC, ModelCodec.encode(m));
  }

  @Test
  void score_normalEvent_writesNothing() {
    start(settings()).publish(version(1, model));

    driver.send("h1", HostReadings.normal("h1"));

    assertThat(driver.alerts()).isEmpty();
    assertThat(driver.deadLetters()).isEmpty();
    assertThat(driver.metrics.snapshot().eventsScored()).isEqualTo(1);
    assertThat(driver.metrics.snapshot().alerts()).isZero();
  }

  @Test
  void score_anomalousEvent_writesExactlyOneAlertWithEveryField() {
    start(settings()).publish(version(1, model));
    GenericRecord event = HostReadings.anomalous("h1");

    driver.send("h1", event, GROUND_TRUTH);

    double[] x = HostReadings.features(event);
    Score score = model.score(x, TestModels.ALPHA);
    List<FeatureAttribution> attributions = model.explain(x, 3).stream()
        .map(a -> new FeatureAttribution(a.feature(), a.value(), a.reference(), a.contribution())).toList();
    Alert expected = Alert.newBuilder()
        .setEventKey(ByteBuffer.wrap(bytes("h1")))
        .setSourceTopic(driver.settings.inputTopic())
        .setSourcePartition(0)
        .setSourceOffset(0)
        .setEventTimestamp(EVENT_TIME)
        .setScoredAt(NOW)
        .setLogLikelihood(score.logLikelihood())
        .setPValue(score.pValue())
        .setAlpha(TestModels.ALPHA)
        .setModelName("surprisal")
        .setModelVersion(1)
        .setFeatures(List.of(new FeatureValue("load", 1.0), new FeatureValue("latency.p99_ms", 5000.0),
            new FeatureValue("connections", 50.0), new FeatureValue("bytes_in", 1_000_000.0),
            new FeatureValue("healthy", 1.0)))
        .setAttributions(attributions)
        .build();
    List<TestRecord<byte[], Alert>> alerts = driver.alerts();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).key()).isEqualTo(bytes("h1"));
    assertThat(alerts.get(0).value()).isEqualTo(expected);
    assertThat(alerts.get(0).headers().toArray()).containsExactly(GROUND_TRUTH);
    assertThat(alerts.get(0).value().getAttributions()).hasSize(3);
    assertThat(alerts.get(0).value().getAttributions().get(0).getName()).isEqualTo("latency.p99_ms");
    assertThat(score.pValue()).isLessThanOrEqualTo(TestModels.ALPHA);
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void score_withScoresTopic_writesAScoreForEveryEventAndAlertsOnlyForAnomalies() {
    start(settings().withScoresTopic(SchemaRegistryFixture.uniqueTopic("scores"))).publish(version(1, model));

    driver.send("h1", HostReadings.normal("h1"));
    driver.send("h2", HostReadings.anomalous("h2"));

    Score normal = model.score(HostReadings.features(HostReadings.normal("h1")), TestModels.ALPHA);
    Score anomalous = model.score(HostReadings.features(HostReadings.anomalous("h2")), TestModels.ALPHA);
    assertThat(driver.scores()).extracting(TestRecord::value).containsExactly(
        scored("h1", 0, normal, TestModels.ALPHA, 1),
        scored("h2", 1, anomalous, TestModels.ALPHA, 1));
    assertThat(driver.alerts()).extracting(r -> r.value().getSourceOffset()).containsExactly(1L);
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void score_configuredAlphaAndTopK_overrideTheDefaults() {
    start(settings().withScoresTopic(SchemaRegistryFixture.uniqueTopic("scores")).withAlpha(0.04)
        .withAttributionsTopK(1)).publish(version(1, model));

    driver.send("h1", HostReadings.anomalous("h1"));

    Score score = model.score(HostReadings.features(HostReadings.anomalous("h1")), 0.04);
    assertThat(driver.scores()).extracting(TestRecord::value).containsExactly(scored("h1", 0, score, 0.04, 1));
    List<TestRecord<byte[], Alert>> alerts = driver.alerts();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).value().getAlpha()).isEqualTo(0.04);
    assertThat(alerts.get(0).value().getAttributions()).extracting(FeatureAttribution::getName)
        .containsExactly("latency.p99_ms");
  }

  @Test
  void score_topKZero_alertsWithoutAttributions() {
    start(settings().withAttributionsTopK(0)).publish(version(1, model));

    driver.send("h1", HostReadings.anomalous("h1"));

    List<TestRecord<byte[], Alert>> alerts = driver.alerts();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).value().getAttributions()).isEmpty();
    assertThat(alerts.get(0).value().getFeatures()).hasSize(HostReadings.SPEC.size());
  }

  @Test
  void score_newModelVersion_scoresTheEventsAfterItAndNamesIt() {
    start(settings().withScoresTopic(SchemaRegistryFixture.uniqueTopic("scores"))).publish(version(1, model));
    GenericRecord event = HostReadings.anomalous("h1");

    driver.send("h1", event);
    driver.send("h1", event);
    driver.publish(version(2, model.withAlpha(0.01)));
    driver.send("h1", event);

    Score v1 = model.score(HostReadings.features(event), TestModels.ALPHA);
    Score v2 = model.score(HostReadings.features(event), 0.01);
    assertThat(v2.alert()).as("beyond the calibration range the tail model gives p < 0.01").isTrue();
    assertThat(driver.scores()).extracting(TestRecord::value).containsExactly(
        scored("h1", 0, v1, TestModels.ALPHA, 1),
        scored("h1", 1, v1, TestModels.ALPHA, 1),
        scored("h1", 2, v2, 0.01, 2));
    assertThat(driver.alerts()).extracting(r -> r.value().getModelVersion(), r -> r.value().getAlpha())
        .containsExactly(tuple(1L, TestModels.ALPHA), tuple(1L, TestModels.ALPHA), tuple(2L, 0.01));
    assertThat(driver.model.version()).hasValue(2);
    assertThat(driver.metrics.snapshot().modelSwaps()).isEqualTo(2);
    assertThat(driver.metrics.snapshot().modelVersion()).hasValue(2);
  }

  @Test
  void score_poisonPillBetweenGoodEvents_deadLettersItAndKeepsScoring() {
    start(settings().withScoresTopic(SchemaRegistryFixture.uniqueTopic("scores"))).publish(version(1, model));
    byte[] poison = "}{ not avro".getBytes(StandardCharsets.UTF_8);

    driver.send("h0", HostReadings.normal("h0"));
    driver.send("h1", HostReadings.anomalous("h1"));
    driver.sendRaw(bytes("h2"), poison);
    driver.send("h3", HostReadings.anomalous("h3"));
    driver.send("h4", HostReadings.normal("h4"));

    assertThat(driver.scores()).extracting(r -> r.value().getSourceOffset()).containsExactly(0L, 1L, 3L, 4L);
    assertThat(driver.alerts()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8), r -> r.value().getSourceOffset())
        .containsExactly(tuple("h1", 1L), tuple("h3", 3L));
    List<TestRecord<byte[], byte[]>> dead = driver.deadLetters();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).key()).isEqualTo(bytes("h2"));
    assertThat(dead.get(0).value()).isEqualTo(poison);
    assertThat(DeadLetterAssertions.header(dead.get(0), DeadLetterHeaders.ERROR_CODE)).isEqualTo("UNDECODABLE");
    assertThat(DeadLetterAssertions.header(dead.get(0), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("2");
  }

  private ScoredEvent scored(String key, long offset, Score score, double alpha, long version) {
    return ScoredEvent.newBuilder()
        .setEventKey(ByteBuffer.wrap(bytes(key)))
        .setSourceTopic(driver.settings.inputTopic())
        .setSourcePartition(0)
        .setSourceOffset(offset)
        .setEventTimestamp(DetectorDriver.eventTime((int) offset))
        .setScoredAt(NOW)
        .setLogLikelihood(score.logLikelihood())
        .setPValue(score.pValue())
        .setAlpha(alpha)
        .setAlert(score.pValue() <= alpha)
        .setModelName("surprisal")
        .setModelVersion(version)
        .build();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
