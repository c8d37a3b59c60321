package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.testing.Gaussian;
import io.surprisal.testing.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conditional repair on a Gaussian with two groups of correlated features, where the most likely
 * value of a feature given the others is known exactly: first on the exact density (the search
 * alone), then through a flow fitted to samples of it ({@link DensityModel#explain}).
 */
class ConditionalRepairTest {
  private static final int D = 6;
  private static final double[] MEAN = {10, -3, 0, 250, 1, 40};
  private static final double[] SD = {2, 1, 0.5, 30, 0.2, 8};
  /** Features 0, 2, 4 load on one factor, 1, 3, 5 on another. */
  private static final double[] LOADING = {0.9, 0.85, 0.95, 0.9, 0.85, 0.9};
  private static final Gaussian TRUTH = Gaussian.of(MEAN, covariance());
  private static final int EVENTS = 60;
  private static DensityModel model;

  private static double[][] covariance() {
    double[][] sigma = new double[D][D];
    for (int j = 0; j < D; j++) {
      for (int k = 0; k < D; k++) {
        double r = j == k ? 1 : j % 2 == k % 2 ? LOADING[j] * LOADING[k] : 0;
        sigma[j][k] = r * SD[j] * SD[k];
      }
    }
    return sigma;
  }

  @BeforeAll
  static void fit() {
    int n = 2000;
    FitOptions options = FitOptions.defaults().withNoise(TrainingNoise.SHARP);
    options = options.withTraining(options.training().withEpochs(15));
    model = new ModelFitter(options).fit(SyntheticData.names(D), TRUTH.sample(n, 1), n, e -> {});
  }

  /**
   * Typical events with feature {@code i % D} moved two marginal standard deviations from its mean,
   * on the side away from its conditional mean: within its own range, four to five conditional
   * standard deviations off the relation with its group.
   */
  private static List<double[]> brokenEvents(long seed) {
    double[] rows = TRUTH.sample(EVENTS, seed);
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      double[] x = SyntheticData.row(rows, i, D);
      int j = i % D;
      x[j] = MEAN[j] - 2 * SD[j] * Math.signum(TRUTH.conditionalMean(x, j) - MEAN[j]);
      out.add(x);
    }
    return out;
  }

  private static List<FeatureScaling> truthScalings() {
    List<FeatureScaling> out = new ArrayList<>();
    for (int j = 0; j < D; j++) {
      out.add(new FeatureScaling(FeatureType.CONTINUOUS, MEAN[j], SD[j], 0, 0, false));
    }
    return out;
  }

  @Test
  void gains_exactDensity_repairLandsOnTheConditionalMeanWithTheGaussianGain() {
    ConditionalRepair repair = new ConditionalRepair(truthScalings(), x -> TRUTH.logDensity(x, 0));
    double[] gain = new double[D];
    double[] repaired = new double[D];
    List<double[]> events = brokenEvents(3);
    for (int i = 0; i < events.size(); i++) {
      double[] x = events.get(i);
      int j = i % D;
      repair.gains(x, TRUTH.logDensity(x, 0), gain, repaired);
      double mean = TRUTH.conditionalMean(x, j);
      double sd = TRUTH.conditionalSd(j);
      double expected = 0.5 * Math.pow((x[j] - mean) / sd, 2);
      assertThat(repaired[j]).as("repaired x%s of event %s", j, i).isCloseTo(mean, within(0.05 * sd));
      assertThat(gain[j]).as("gain of x%s, event %s", j, i).isCloseTo(expected, within(0.01 * expected));
      for (int k = 0; k < D; k++) {
        assertThat(gain[k]).as("gain of x%s, event %s", k, i).isBetween(0.0, gain[j]);
      }
    }
  }

  @Test
  void gains_discreteFeature_repairLandsOnTheLatticePointNearestTheConditionalMean() {
    List<FeatureScaling> scalings = new ArrayList<>(truthScalings());
    scalings.set(3, new FeatureScaling(FeatureType.DISCRETE, 250.5, 30, 1, 0, false));
    ConditionalRepair repair = new ConditionalRepair(scalings, x -> TRUTH.logDensity(x, 0));
    double[] gain = new double[D];
    double[] repaired = new double[D];
    List<double[]> events = brokenEvents(4);
    for (int i = 3; i < events.size(); i += D) {
      double[] x = events.get(i);
      x[3] = Math.rint(x[3]);
      repair.gains(x, TRUTH.logDensity(x, 0), gain, repaired);
      assertThat(repaired[3]).as("repaired x3 of event %s", i).isEqualTo(Math.rint(TRUTH.conditionalMean(x, 3)));
    }
  }

  @Test
  void explain_flippedFeatureOfACorrelatedGaussian_isNamedFirstInFourCasesOfFive() {
    List<double[]> events = brokenEvents(5);
    int hits = 0;
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String top = model.explain(events.get(i), 1).get(0).feature();
      if (top.equals("x" + i % D)) {
        hits++;
      } else {
        misses.add("event " + i + " broke x" + i % D + ", named " + top);
      }
    }
    assertThat(hits).as("events whose broken feature is named first; misses %s", misses)
        .isGreaterThanOrEqualTo(EVENTS * 4 / 5);
  }

  @Test
  void explain_fittedFlow_repairLandsNearTheConditionalMean() {
    List<double[]> events = brokenEvents(6);
    double sumError = 0;
    for (int i = 0; i < events.size(); i++) {
      double[] x = events.get(i);
      int j = i % D;
      Attribution a = model.explain(x, D).stream().filter(t -> t.feature().equals("x" + j)).findFirst().orElseThrow();
      double error = Math.abs(a.reference() - TRUTH.conditionalMean(x, j)) / TRUTH.conditionalSd(j);
      assertThat(error).as("|repaired - E[x%s | rest]| / sd of event %s", j, i).isLessThan(1.5);
      sumError += error;
    }
    assertThat(sumError / events.size()).as("mean error in conditional standard deviations").isLessThan(0.5);
  }

  @Test
  void explain_contributionIsTheRiseInLogDensityWhenTheFeatureTakesItsRepairedValue() {
    double[] x = brokenEvents(7).get(2);
    double logDensity = model.logDensity(x);
    List<Attribution> all = model.explain(x, D);
    assertThat(all).hasSize(D);
    for (int r = 0; r < D; r++) {
      Attribution a = all.get(r);
      int j = Integer.parseInt(a.feature().substring(1));
      double[] repaired = x.clone();
      repaired[j] = a.reference();
      assertThat(a.value()).isEqualTo(x[j]);
      assertThat(a.contribution()).as(a.toString()).isGreaterThanOrEqualTo(0)
          .isCloseTo(model.logDensity(repaired) - logDensity, within(1e-9));
      if (r > 0) {
        assertThat(a.contribution()).isLessThanOrEqualTo(all.get(r - 1).contribution());
      }
    }
  }
}
