package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.flow.FlowSpec;
import io.surprisal.testing.SyntheticData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelFitterTest {

  static List<String> presets() {
    return FlowSpec.PRESETS;
  }

  private static FitOptions small(String preset, long seed) {
    FitOptions options = FitOptions.defaults();
    return options.withTraining(options.training().withSpec(FlowSpec.preset(preset).withHidden(16)).withEpochs(4)
        .withSeed(seed));
  }

  /** Three dependent continuous features. */
  private static double[] continuousRows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] rows = new double[n * 3];
    for (int i = 0; i < n; i++) {
      double a = random.nextGaussian();
      rows[i * 3] = a;
      rows[i * 3 + 1] = a * a + 0.3 * random.nextGaussian();
      rows[i * 3 + 2] = Math.sin(2 * a) + 0.2 * random.nextGaussian();
    }
    return rows;
  }

  private static double[] scores(DensityModel model, double[] rows, int n, int d) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = model.logDensity(SyntheticData.row(rows, i, d));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("presets")
  void fit_withTheSameSeed_givesBitIdenticalScores_andAnotherSeedDoesNot(String preset) throws Exception {
    int n = 800;
    double[] rows = continuousRows(n, 1);
    double[] events = continuousRows(200, 2);
    List<String> names = SyntheticData.names(3);
    double[] first = scores(new ModelFitter(small(preset, 42)).fit(names, rows, n, e -> {}), events, 200, 3);
    // the second fit runs on another thread, which has its own ND4J workspace
    double[] second = CompletableFuture.supplyAsync(
        () -> scores(new ModelFitter(small(preset, 42)).fit(names, rows, n, e -> {}), events, 200, 3)).get();
    double[] other = scores(new ModelFitter(small(preset, 43)).fit(names, rows, n, e -> {}), events, 200, 3);

    assertThat(second).as("same seed").isEqualTo(first);
    for (int i = 0; i < 200; i++) {
      assertThat(Double.doubleToRawLongBits(second[i])).isEqualTo(Double.doubleToRawLongBits(first[i]));
    }
    int differing = 0;
    for (int i = 0; i < 200; i++) {
      differing += other[i] != first[i] ? 1 : 0;
    }
    assertThat(differing).as("scores that change with the seed").isEqualTo(200);
  }

  /** x0 continuous, x1 constant 5, x2 integer counts that depend on x0. */
  private static double[] withConstantAndIntegerFeatures(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] rows = new double[n * 3];
    for (int i = 0; i < n; i++) {
      double a = random.nextGaussian();
      rows[i * 3] = 10 + 3 * a;
      rows[i * 3 + 1] = 5.0;
      rows[i * 3 + 2] = Math.max(0, Math.round(4 + 1.5 * a + random.nextGaussian()));
    }
    return rows;
  }

  @ParameterizedTest
  @MethodSource("presets")
  void fit_handlesConstantAndIntegerFeatures_withoutNaN(String preset) {
    int n = 1000;
    int d = 3;
    double[] rows = withConstantAndIntegerFeatures(n, 3);
    DensityModel model = new ModelFitter(small(preset, 0)).fit(SyntheticData.names(d), rows, n, e -> {});

    assertThat(model.preprocessing().features()).extracting(FeatureScaling::type)
        .containsExactly(FeatureType.CONTINUOUS, FeatureType.CONSTANT, FeatureType.DISCRETE);
    assertThat(model.flow().dim()).as("constant features stay out of the flow").isEqualTo(2);
    assertThat(model.training().validationNll()).isFinite();
    assertThat(Arrays.stream(model.calibration().scores())).allMatch(Double::isFinite);
    assertThat(Arrays.stream(scores(model, rows, n, d))).allMatch(Double::isFinite);
  }

  @Test
  void constantFeature_thatChangesAtScoreTime_getsAVeryLowLogLikelihood() {
    int n = 1000;
    double[] rows = withConstantAndIntegerFeatures(n, 4);
    DensityModel model = new ModelFitter(small("nsf", 0)).fit(SyntheticData.names(3), rows, n, e -> {});
    double[] calibration = model.calibration().scores();
    double worstSeen = calibration[calibration.length - 1]; // highest calibration NLL

    double usual = model.logDensity(new double[] {10, 5.0, 4});
    double changed = model.logDensity(new double[] {10, 5.5, 4});
    assertThat(-usual).isLessThan(worstSeen);
    assertThat(-changed).as("NLL when the constant moves by 0.5").isGreaterThan(worstSeen + 1000);
    // 100 calibration rows: the smallest possible p-value is 1/101
    assertThat(model.score(new double[] {10, 5.5, 4}, 0.01).alert()).isTrue();
  }

  @Test
  void integerFeature_samplesAreIntegers_andCoverItsRange() {
    int n = 1000;
    double[] rows = withConstantAndIntegerFeatures(n, 5);
    DensityModel model = new ModelFitter(small("nsf", 0)).fit(SyntheticData.names(3), rows, n, e -> {});
    List<Double> counts = new ArrayList<>();
    for (double[] s : model.sample(2000, 9)) {
      assertThat(s[2]).as("sampled count").isEqualTo(Math.rint(s[2]));
      counts.add(s[2]);
    }
    assertThat(counts.stream().distinct().count()).as("distinct sampled counts").isGreaterThanOrEqualTo(6);
    double mean = counts.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(mean).as("mean count (data: about 4)").isBetween(3.5, 4.5);
  }
}
