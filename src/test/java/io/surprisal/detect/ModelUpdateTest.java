package io.surprisal.detect;

import static io.surprisal.detect.DetectorTopologyTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.surprisal.avro.FeatureField;
import io.surprisal.avro.FeatureFieldType;
import io.surprisal.avro.ModelVersion;
import io.surprisal.kafka.ModelVersionNumber;
import io.surprisal.model.DensityModel;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.testing.SchemaRegistryFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model versions arriving on the models topic while events flow: a refused version (corrupt, or
 * not fitting the input schema) is counted and leaves the previous model scoring; stale versions
 * and other models' versions are ignored. Each test then proves which version scores by the alert
 * it writes.
 */
class ModelUpdateTest {
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

  @BeforeEach
  void startWithVersion1() {
    driver = new DetectorDriver(DetectorSettings.of(SchemaRegistryFixture.uniqueTopic("events"),
        SchemaRegistryFixture.uniqueTopic("alerts"), SchemaRegistryFixture.uniqueTopic("models"),
        SchemaRegistryFixture.uniqueTopic("dlq")), registry, ModelCodec::decode);
    driver.publish(version(1, HostReadings.SPEC, ModelCodec.encode(model)));
    driver.send("h0", HostReadings.normal("h0")); // registers the input schema that models must fit
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private ModelVersion version(long number, List<FeatureField> spec, byte[] artifact) {
    return TestModels.version("surprisal", number, driver.settings.inputTopic(), spec, artifact);
  }

  /** How a bad version 2 is published. */
  record Refusal(String name, BiConsumer<ModelUpdateTest, DetectorDriver> publish) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> refusedVersions() {
    return Stream.of(
        new Refusal("artifact fails its checksum", (t, d) -> d.publish(t.version(2, HostReadings.SPEC,
            corrupt(ModelCodec.encode(t.model))))),
        new Refusal("feature path not in the input schema", (t, d) -> {
          List<FeatureField> spec = replace(HostReadings.SPEC, 1, new FeatureField("latency.p42_ms",
              FeatureFieldType.DOUBLE));
          d.publish(t.version(2, spec, ModelCodec.encode(TestModels.renamed(t.model, paths(spec)))));
        }),
        new Refusal("boolean feature read from a float field", (t, d) -> {
          List<FeatureField> spec = replace(HostReadings.SPEC, 0, new FeatureField("load",
              FeatureFieldType.BOOLEAN));
          d.publish(t.version(2, spec, ModelCodec.encode(t.model)));
        }),
        new Refusal("feature spec disagrees with the artifact", (t, d) -> d.publish(t.version(2,
            HostReadings.SPEC.reversed(), ModelCodec.encode(t.model)))),
        new Refusal("not a ModelVersion record", (t, d) -> d.publishRaw(bytes("model v2, trust me"))),
        new Refusal("version number beyond the bound", (t, d) -> d.publish(t.version(Long.MAX_VALUE,
            HostReadings.SPEC, ModelCodec.encode(t.model)))))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedVersions")
  void publish_refusedVersion_isCountedAndThePreviousModelKeepsScoring(Refusal refusal) {
    refusal.publish().accept(this, driver);
    driver.send("h1", HostReadings.anomalous("h1"));

    assertThat(driver.metrics.snapshot().modelRefusals()).isEqualTo(1);
    assertThat(driver.metrics.snapshot().modelSwaps()).isEqualTo(1);
    assertThat(driver.model.version()).hasValue(1);
    assertThat(driver.alerts()).extracting(r -> r.value().getModelVersion()).containsExactly(1L);
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void publish_afterAVersionBeyondTheBound_theNextValidVersionStillSwapsIn() {
    driver.publish(version(ModelVersionNumber.MAX + 1, HostReadings.SPEC, ModelCodec.encode(model)));
    driver.publish(version(2, HostReadings.SPEC, ModelCodec.encode(model)));
    driver.send("h1", HostReadings.anomalous("h1"));

    assertThat(driver.metrics.snapshot().modelRefusals()).isEqualTo(1);
    assertThat(driver.model.version()).hasValue(2);
    assertThat(driver.alerts()).extracting(r -> r.value().getModelVersion()).containsExactly(2L);
  }

  @Test
  void publish_olderOrSameVersion_isIgnoredWithoutCountingARefusal() {
    driver.publish(version(3, HostReadings.SPEC, ModelCodec.encode(model)));
    driver.publish(version(2, HostReadings.SPEC, ModelCodec.encode(model.withAlpha(0.5))));
    driver.publish(version(3, HostReadings.SPEC, ModelCodec.encode(model.withAlpha(0.5))));
    driver.send("h1", HostReadings.anomalous("h1"));

    assertThat(driver.model.version()).hasValue(3);
    assertThat(driver.model.get().alpha()).isEqualTo(TestModels.ALPHA);
    assertThat(driver.metrics.snapshot().modelRefusals()).isZero();
    assertThat(driver.alerts()).extracting(r -> r.value().getModelVersion()).containsExactly(3L);
  }

  @Test
  void publish_anotherModelsVersion_isIgnored() {
    driver.publish(TestModels.version("checkout", 9, driver.settings.inputTopic(), HostReadings.SPEC,
        ModelCodec.encode(model)));
    driver.send("h1", HostReadings.anomalous("h1"));

    assertThat(driver.model.version()).hasValue(1);
    assertThat(driver.metrics.snapshot().modelRefusals()).isZero();
    assertThat(driver.alerts()).extracting(r -> r.value().getModelName(), r -> r.value().getModelVersion())
        .containsExactly(tuple("surprisal", 1L));
  }

  @Test
  void publish_tombstone_keepsTheModel() {
    driver.publishRaw(null);
    driver.send("h1", HostReadings.anomalous("h1"));

    assertThat(driver.model.version()).hasValue(1);
    assertThat(driver.alerts()).hasSize(1);
  }

  /** A copy of {@code artifact} with one byte of its payload changed. */
  private static byte[] corrupt(byte[] artifact) {
    byte[] copy = artifact.clone();
    copy[copy.length - 10] ^= 0x01;
    return copy;
  }

  private static List<FeatureField> replace(List<FeatureField> spec, int index, FeatureField field) {
    List<FeatureField> copy = new ArrayList<>(spec);
    copy.set(index, field);
    return copy;
  }

  private static List<String> paths(List<FeatureField> spec) {
    return spec.stream().map(FeatureField::getPath).toList();
  }
}
