package io.surprisal.cli;

import io.surprisal.model.codec.ModelCodec;
import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.FeatureField;
import io.surprisal.avro.FeatureFieldType;
import io.surprisal.avro.ModelVersion;
import io.surprisal.avro.PartitionOffsets;
import io.surprisal.avro.TrainingWindow;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.SchemaRegistryFixture;
import io.surprisal.trainer.ModelsTopic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code surprisal models list|show|rollback} in process against the real broker and registry. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ModelsCommandsIT {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String models;
  private ModelsTopic topic;
  private byte[] modelOne;

  @BeforeEach
  void twoVersionsOnTheTopic() {
    models = KafkaFixture.uniqueTopic("models");
    Map<String, Object> kafka = KafkaFixture.clientConfig();
    kafka.put("schema.registry.url", SchemaRegistryFixture.url());
    topic = new ModelsTopic(kafka, models, Duration.ofSeconds(60));
    topic.createIfMissing(Duration.ofDays(3));
    modelOne = ModelCodec.encode(tinyModel(1));
    topic.publish(version(1, modelOne));
    topic.publish(version(2, ModelCodec.encode(tinyModel(2))));
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--set", "bootstrap.servers=" + KafkaFixture.bootstrapServers(),
        "--set", "schema.registry.url=" + SchemaRegistryFixture.url(), "--set", "models.topic=" + models},
        0, all, args.length, 6);
    return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void list_printsOneLinePerVersion() {
    assertThat(run("models", "list", "--model", "m")).isZero();

    List<String> lines = out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(ModelsListCommand.HEADER);
    assertThat(lines.get(1)).matches("1 +2025-03-01T00:00:00Z +180 +1\\.5000 +2 -");
    assertThat(lines.get(2)).matches("2 +2025-03-01T00:00:00Z +180 +1\\.5000 +2 -");
    assertThat(err()).isEmpty();
  }

  @Test
  void show_printsTheVersionAndItsModelAsJson() {
    assertThat(run("models", "show", "--model", "m", "--version", "2")).isZero();

    assertThat(out()).contains("\"version\" : 2").contains("\"row_count\" : 180")
        .contains("\"path\" : \"a\"").contains("\"conditioner\" : \"COUPLING\"")
        .contains("\"calibration_rows\" : 20").contains("\"offsets\" : [ {");
  }

  @Test
  void rollback_republishesTheOldModelAsTheNewestVersion() {
    assertThat(run("models", "rollback", "--model", "m", "--to", "1")).as(this::err).isZero();

    assertThat(out()).isEqualTo("published version 3 of model 'm' as a copy of version 1\n");
    List<ModelVersion> versions = ModelsTopic.versionsOf(topic.readAll(), "m");
    assertThat(versions).extracting(ModelVersion::getVersion).containsExactly(1L, 2L, 3L);
    ModelVersion rolledBack = versions.getLast();
    assertThat(rolledBack.getRolledBackFrom()).isEqualTo(1L);
    assertThat(rolledBack.getModel()).isEqualTo(ByteBuffer.wrap(modelOne));
    assertThat(run("models", "list", "--model", "m")).as(this::err).isZero();
    assertThat(out().lines().toList().getLast()).matches("3 +\\S+ +180 +1\\.5000 +2 1");
  }

  @Test
  void rollback_versionNotOnTheTopic_exitsOneNamingWhatIsThereAndPublishesNothing() {
    assertThat(run("models", "rollback", "--model", "m", "--to", "7")).isEqualTo(1);

    assertThat(err()).isEqualTo("error: version 7 of model 'm' is not on topic '" + models
        + "'; versions still there: [1, 2] (older ones are compacted away)\n");
    assertThat(out()).isEmpty();
    assertThat(ModelsTopic.versionsOf(topic.readAll(), "m")).hasSize(2);
  }

  @Test
  void show_unknownModel_exitsOne() {
    assertThat(run("models", "show", "--model", "other", "--version", "1")).isEqualTo(1);

    assertThat(err()).contains("version 1 of model 'other' is not on topic").contains("has no version of it");
  }

  private static io.surprisal.model.DensityModel tinyModel(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 200;
    double[] rows = new double[n * 2];
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian();
      rows[2 * i] = a;
      rows[2 * i + 1] = a + 0.3 * r.nextGaussian();
    }
    FitOptions base = FitOptions.defaults();
    FitOptions options = base.withTraining(base.training().withSpec(FlowSpec.preset("nsf").withHidden(8).withLayers(2))
        .withEpochs(2).withSeed(seed));
    return new ModelFitter(options).fit(List.of("a", "b"), rows, n, TrainingListener.NONE);
  }

  private static ModelVersion version(long v, byte[] model) {
    return ModelVersion.newBuilder().setName("m").setVersion(v).setCreatedAt(Instant.parse("2025-03-01T00:00:00Z"))
        .setInputTopic("in")
        .setTrainingWindow(new TrainingWindow(Instant.EPOCH, Instant.EPOCH, List.of(new PartitionOffsets(0, 0L, 199L))))
        .setRowCount(180).setExcludedCount(0).setValidationNll(1.5).setPreviousValidationNll(null)
        .setFeatures(List.of(new FeatureField("a", FeatureFieldType.DOUBLE), new FeatureField("b", FeatureFieldType.DOUBLE)))
        .setRolledBackFrom(null).setModel(ByteBuffer.wrap(model)).build();
  }
}
