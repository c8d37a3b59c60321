package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

  @Test
  void select_twoSeparatedClusters_picksTwoComponentsWithTheirMeans() {
    SplittableRandom r = new SplittableRandom(5);
    double[][] rows = new double[400][];
    for (int i = 0; i < rows.length; i++) {
      double centre = i < 200 ? 0 : 10;
      rows[i] = new double[] {centre + r.nextGaussian(), centre + r.nextGaussian()};
    }
    GaussianMixture mixture = BicGaussianMixture.select(rows, 0);
    assertThat(mixture.components()).isEqualTo(2);
    double[] a = mixture.component(0).mean();
    double[] b = mixture.component(1).mean();
    double[] low = a[0] < b[0] ? a : b;
    double[] high = a[0] < b[0] ? b : a;
    assertThat(low).containsExactly(new double[] {0, 0}, within(0.25));
    assertThat(high).containsExactly(new double[] {10, 10}, within(0.25));
    assertThat(mixture.weight(0)).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void logDensity_oneComponent_isTheGaussianOfTheSampleMeanAndCovariance() {
    SplittableRandom r = new SplittableRandom(9);
    int n = 500;
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian();
      rows[i] = new double[] {1 + a, -2 + 0.5 * a + 0.3 * r.nextGaussian()};
    }
    double m0 = 0;
    double m1 = 0;
    for (double[] row : rows) {
      m0 += row[0] / n;
      m1 += row[1] / n;
    }
    double s00 = 0;
    double s01 = 0;
    double s11 = 0;
    for (double[] row : rows) {
      s00 += (row[0] - m0) * (row[0] - m0) / n;
      s01 += (row[0] - m0) * (row[1] - m1) / n;
      s11 += (row[1] - m1) * (row[1] - m1) / n;
    }
    s00 += GaussianMixture.REG_COVAR;
    s11 += GaussianMixture.REG_COVAR;
    double det = s00 * s11 - s01 * s01;
    double[] x = {2.5, -1};
    double u = x[0] - m0;
    double v = x[1] - m1;
    double quadratic = (s11 * u * u - 2 * s01 * u * v + s00 * v * v) / det;
    double expected = -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * quadratic;

    GaussianMixture mixture = GaussianMixture.fit(rows, 1, new SplittableRandom(0));
    assertThat(mixture.logDensity(x)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void fit_singularCovariance_staysFinite() {
    // the second column copies the first: the covariance is singular without the regularisation
    double[][] rows = new double[50][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i % 7, i % 7, 3};
    }
    GaussianMixture mixture = GaussianMixture.fit(rows, 2, new SplittableRandom(1));
    assertThat(mixture.logDensity(new double[] {2, 2, 3})).isFinite();
    assertThat(mixture.logDensity(new double[] {2, 2, 3})).isGreaterThan(mixture.logDensity(new double[] {2, 3, 3}));
  }
}
