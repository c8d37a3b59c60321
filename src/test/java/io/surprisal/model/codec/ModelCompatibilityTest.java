package io.surprisal.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.flow.FlowSpec;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FeatureScaling;
import io.surprisal.model.FeatureType;
import io.surprisal.model.Score;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files written by earlier builds keep loading and scoring as they did (the Tribuo pattern).
 * The files in {@code src/test/resources/models} were written by {@link ModelFixtures} and must never
 * be regenerated: a failure here means saved models in the field would change or stop loading. Only
 * a deliberate change of how p-values follow from the stored calibration scores rewrites the
 * {@code p_value} column (the model files and log-likelihoods stay as written).
 */
class ModelCompatibilityTest {

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ModelCompatibilityTest.class.getResourceAsStream("/models/" + name)) {
      assertThat(in).as("test resource models/%s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @CsvSource({"v1-nsf, 1, COUPLING, SPLINE", "v1-maf, 1, AUTOREGRESSIVE, AFFINE",
      "v2-nsf, 2, COUPLING, SPLINE", "v2-maf, 2, AUTOREGRESSIVE, AFFINE",
      "v3-nsf, 3, COUPLING, SPLINE", "v3-maf, 3, AUTOREGRESSIVE, AFFINE"})
  void decode_olderFormatFile_loadsAndGivesTheScoresItWasWrittenWith(String name, int version,
      FlowSpec.Conditioner conditioner, FlowSpec.Transform transform) throws IOException {
    ModelArtifact artifact = ModelCodec.open(resource(name + ".model"), name + ".model");
    DensityModel model = artifact.model();

    assertThat(artifact.formatVersion()).isEqualTo(version);
    assertThat(model.preprocessing().whitening()).as("format 2 added the whitening").isEqualTo(
        version >= 2 ? model.preprocessing().whitening().filter(w -> w.dim() == 3) : java.util.Optional.empty());
    assertThat(model.preprocessing().whitening().isPresent()).isEqualTo(version >= 2);
    assertThat(artifact.writtenBy()).isEqualTo("surprisal (development build)");
    assertThat(model.features()).containsExactly("latency_ms", "requests", "region", "cpu");
    List<FeatureScaling> pre = model.preprocessing().features();
    assertThat(pre).extracting(FeatureScaling::type).containsExactly(FeatureType.CONTINUOUS, FeatureType.DISCRETE,
        FeatureType.CONSTANT, FeatureType.CONTINUOUS);
    assertThat(pre).extracting(FeatureScaling::symlog).containsExactly(true, false, false, false);
    assertThat(pre.get(1).quantum()).isEqualTo(1.0);
    assertThat(model.spec().conditioner()).isEqualTo(conditioner);
    assertThat(model.spec().transform()).isEqualTo(transform);
    assertThat(model.spec().layers()).isEqualTo(2);
    assertThat(model.flow().dim()).isEqualTo(3);
    assertThat(model.alpha()).isEqualTo(0.05);
    assertThat(model.calibration().size()).isEqualTo(30);
    assertThat(model.training().rows()).isEqualTo(300);
    assertThat(model.training().seed()).isEqualTo(7);
    assertThat(model.training().noiseCandidates()).as("format 3 added the training-noise candidates")
        .hasSizeBetween(version >= 3 ? 2 : 0, version >= 3 ? 4 : 0);
    assertThat(model.training().chosenNoise().isPresent()).isEqualTo(version >= 3);

    List<String> lines = new String(resource(name + ".scores.csv"), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(25);
    for (String line : lines.subList(1, lines.size())) {
      double[] cells = Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
      double[] x = Arrays.copyOf(cells, 4);
      Score score = model.score(x);
      // the kernel's arithmetic may change in the last bits (fused multiply-add, vector lanes),
      // hence the tolerance; above the calibration's tail start the p-value is a smooth function of the score
      assertThat(score.logLikelihood()).as("log p(%s)", Arrays.toString(x))
          .isCloseTo(cells[4], within(1e-9 * Math.max(1, Math.abs(cells[4]))));
      assertThat(score.pValue()).as("p(%s)", Arrays.toString(x)).isCloseTo(cells[5], within(1e-9 * cells[5]));
    }
  }
}
