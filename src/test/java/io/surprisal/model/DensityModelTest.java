package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import io.surprisal.testing.Gaussian;
import io.surprisal.testing.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DensityModelTest {
  private static final int D = 4;
  private static final Gaussian TRUTH = Gaussian.of(new double[] {10, -3, 0, 250}, new double[][] {
      {4.0, 1.2, 0.3, 20},
      {1.2, 1.0, -0.2, 4},
      {0.3, -0.2, 0.25, 0},
      {20, 4, 0, 900}});
  private static DensityModel gaussianModel;

  @BeforeAll
  static void fitGaussianModel() {
    int n = 3000;
    FitOptions options = FitOptions.defaults();
    options = options.withTraining(options.training().withEpochs(40));
    gaussianModel = new ModelFitter(options).fit(SyntheticData.names(D), TRUTH.sample(n, 1), n, e -> {});
  }

  static List<Arguments> presetsAndLogTransforms() {
    List<Arguments> out = new ArrayList<>();
    for (String preset : FlowSpec.PRESETS) {
      out.add(Arguments.of(preset, PreprocessingFit.LogTransform.NEVER));
      out.add(Arguments.of(preset, PreprocessingFit.LogTransform.ALWAYS));
    }
    return out;
  }

  /** A continuous, a heavy-tailed and an integer feature, dependent on each other. */
  private static double[] mixedRows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] rows = new double[n * 3];
    for (int i = 0; i < n; i++) {
      double a = random.nextGaussian();
      rows[i * 3] = 2 + 0.5 * a;
      rows[i * 3 + 1] = Math.exp(a + random.nextGaussian());
      rows[i * 3 + 2] = Math.round(6 + 2 * a + 2 * random.nextGaussian());
    }
    return rows;
  }

  @ParameterizedTest(name = "{0} symlog {1}")
  @MethodSource("presetsAndLogTransforms")
  void preprocessingAndFlow_invertTogether(String preset, PreprocessingFit.LogTransform log) {
    int n = 600;
    int d = 3;
    double[] rows = mixedRows(n, 2);
    FitOptions options = FitOptions.defaults().withPreprocessing(log, PreprocessingFit.Dequantize.AUTO);
    options = options.withTraining(options.training().withSpec(FlowSpec.preset(preset).withHidden(16)).withEpochs(3));
    DensityModel model = new ModelFitter(options).fit(SyntheticData.names(d), rows, n, e -> {});
    assertThat(model.preprocessing().features()).extracting(FeatureScaling::type)
        .containsExactly(FeatureType.CONTINUOUS, FeatureType.CONTINUOUS, FeatureType.DISCRETE);

    Preprocessing pre = model.preprocessing();
    NormalizingFlow flow = model.flow();
    NormalizingFlow.Workspace ws = flow.newWorkspace();
    double[] z = new double[d];
    double[] u = new double[d];
    double[] back = new double[d];
    double[] tmp = new double[d];
    double worst = 0;
    for (int i = 0; i < n; i++) {
      pre.forward(rows, i * d, z, 0, null, tmp);
      flow.forward(z, 0, ws);
      System.arraycopy(ws.result(), 0, u, 0, d);
      flow.inverse(u, 0, z, 0, ws);
      pre.inverse(z, 0, null, back, 0);
      for (int j = 0; j < d; j++) {
        worst = Math.max(worst, Math.abs(back[j] - rows[i * d + j]));
      }
    }
    assertThat(worst).as("max |x - f^-1(f(x))| through preprocessing and flow").isLessThan(1e-6);
  }

  @Test
  void explain_oneFeatureFarInItsTail_namesItFirstAndRepairsItIntoItsRange() {
    double[] events = TRUTH.sample(40, 8);
    for (int i = 0; i < 40; i++) {
      int j = i % D;
      double[] x = anomalousIn(j, SyntheticData.row(events, i, D));
      List<Attribution> top = gaussianModel.explain(x, 2);
      assertThat(top).hasSize(2);
      assertThat(top.get(0).feature()).as("top feature of event %s, anomalous in x%s: %s", i, j, top)
          .isEqualTo("x" + j);
      assertThat(top.get(0).value()).isEqualTo(x[j]);
      assertThat(top.get(0).reference()).as("repaired x%s of event %s", j, i)
          .isCloseTo(TRUTH.mean()[j], within(3 * marginalSd(j)));
      assertThat(top.get(0).contribution()).isGreaterThan(top.get(1).contribution());
    }
  }

  /** A typical event whose feature j is moved six marginal standard deviations from its mean. */
  private static double[] anomalousIn(int j, double[] typical) {
    typical[j] = TRUTH.mean()[j] + (typical[j] >= TRUTH.mean()[j] ? 6 : -6) * marginalSd(j);
    return typical;
  }

  private static double marginalSd(int j) {
    double variance = 0;
    for (int k = 0; k <= j; k++) {
      variance += TRUTH.cholesky()[j][k] * TRUTH.cholesky()[j][k];
    }
    return Math.sqrt(variance);
  }
}
