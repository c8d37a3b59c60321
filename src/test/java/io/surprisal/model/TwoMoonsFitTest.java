package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.flow.FlowSpec;
import io.surprisal.testing.Gaussian;
import io.surprisal.testing.SyntheticData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small 2-D models of two moons (noise 0.1), one per preset, judged as densities: their mass is one
 * and they fit the data clearly better than the best single Gaussian.
 */
class TwoMoonsFitTest {
  private static final int ROWS = 2000;
  private static final double NOISE = 0.1;
  private static final Map<String, DensityModel> MODELS = new HashMap<>();
  private static double[] training;

  @BeforeAll
  static void fitOnePerPreset() {
    training = SyntheticData.twoMoons(ROWS, NOISE, 1);
    for (String preset : FlowSpec.PRESETS) {
      FitOptions options = FitOptions.defaults().withNoise(TrainingNoise.SHARP); // density recovery: not smoothed
      options = options.withTraining(options.training().withSpec(FlowSpec.preset(preset)).withEpochs(40));
      MODELS.put(preset, new ModelFitter(options).fit(SyntheticData.names(2), training, ROWS, e -> {}));
    }
  }

  static List<String> presets() {
    return FlowSpec.PRESETS;
  }

  /**
   * Midpoint rule for the integral of {@code exp(log p)} over {@code [x0, x1] x [y0, y1]} with step h.
   * The data lie in about {@code [-1.4, 2.4] x [-0.9, 1.4]}.
   */
  private static double mass(DensityModel model, double x0, double x1, double y0, double y1, double h) {
    double sum = 0;
    double[] p = new double[2];
    for (double x = x0 + h / 2; x < x1; x += h) {
      for (double y = y0 + h / 2; y < y1; y += h) {
        p[0] = x;
        p[1] = y;
        sum += Math.exp(model.logDensity(p));
      }
    }
    return sum * h * h;
  }

  @ParameterizedTest
  @MethodSource("presets")
  void density_integratesToOne_onAGrid(String preset) {
    DensityModel model = MODELS.get(preset);
    double fine = mass(model, -2.5, 3.5, -2, 2.5, 0.02);
    // twice as wide in both directions, at a coarser step: the same mass, so none is missing outside
    // the fine grid and the step resolves the density
    double wide = mass(model, -5.5, 6.5, -4.25, 4.75, 0.04);
    // measured: 0.9997 (nsf), 1.0000 (maf, realnvp)
    assertThat(fine).as("mass on [-2.5, 3.5] x [-2, 2.5]").isCloseTo(1.0, within(0.01));
    assertThat(wide).as("mass on a grid twice as wide").isCloseTo(fine, within(0.003));
  }

  @ParameterizedTest
  @MethodSource("presets")
  void heldOutNll_isClearlyBelowTheBestSingleGaussian(String preset) {
    DensityModel model = MODELS.get(preset);
    int n = 5000;
    double[] test = SyntheticData.twoMoons(n, NOISE, 2);
    double flow = 0;
    for (int i = 0; i < n; i++) {
      flow -= model.logDensity(SyntheticData.row(test, i, 2)) / n;
    }
    double gaussian = Gaussian.fit(training, ROWS, 2).meanNll(test, n);
    // measured: 1.905 for the Gaussian; nsf 1.120, maf 1.354, realnvp 1.347
    assertThat(flow).as("held-out NLL of %s vs %s for the best Gaussian", preset, gaussian)
        .isLessThan(gaussian - 0.3);
  }
}
