package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WhiteningTest {

  /** Rows of a correlated 3-D Gaussian: x = A e with e standard normal. */
  private static final double[] A = {2, 0, 0, 1.5, 0.5, 0, -1, 0.3, 0.2};

  private static double[] gaussianRows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[n * 3];
    for (int i = 0; i < n; i++) {
      double[] e = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      for (int a = 0; a < 3; a++) {
        out[i * 3 + a] = 5 + A[a * 3] * e[0] + A[a * 3 + 1] * e[1] + A[a * 3 + 2] * e[2];
      }
    }
    return out;
  }

  @Test
  void eigen_reconstructsTheMatrix() {
    double[] m = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1};
    SymmetricEigen e = SymmetricEigen.of(m, 3);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += e.vectors()[i * 3 + k] * e.values()[k] * e.vectors()[j * 3 + k];
        }
        assertThat(s).isCloseTo(m[i * 3 + j], within(1e-12));
      }
    }
  }

  @Test
  void fit_mapsTheDataToIdentityCovariance_andTheInverseUndoesIt() {
    int n = 20_000;
    double[] rows = gaussianRows(n, 1);
    Whitening w = Whitening.fit(rows, n, 3, new double[3], 0.1);
    double[] y = new double[n * 3];
    for (int i = 0; i < n; i++) {
      w.forward(rows, i * 3, y, i * 3);
    }
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += y[i * 3 + a] * y[i * 3 + b];
        }
        assertThat(s / n).as("cov[%s][%s]", a, b).isCloseTo(a == b ? 1 : 0, within(0.05));
      }
    }
    double[] back = new double[3];
    w.inverse(y, 0, back, 0);
    for (int a = 0; a < 3; a++) {
      assertThat(back[a]).isCloseTo(rows[a], within(1e-9));
    }
    // log|det W| = -log|det A| for the covariance A A^T
    double detA = 2 * 0.5 * 0.2;
    assertThat(w.logAbsDet()).isCloseTo(-Math.log(detA), within(0.05));
  }

  @Test
  void fit_ignoresAFarClusterOfOutliers() {
    int n = 5000;
    double[] rows = gaussianRows(n, 2);
    for (int i = 0; i < n / 20; i++) { // 5% of the rows far away
      rows[i * 3] += 40;
      rows[i * 3 + 1] -= 40;
    }
    Whitening robust = Whitening.fit(rows, n, 3, new double[3], 0.1);
    Whitening plain = Whitening.fit(rows, n, 3, new double[3], 0);
    assertThat(robust.mean()[0]).as("centre stays with the bulk").isCloseTo(5, within(0.3));
    assertThat(plain.mean()[0]).isGreaterThan(6.5);
  }
}
