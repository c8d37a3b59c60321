package io.surprisal.eval.baseline;

/**
 * A multivariate normal N(mean, Sigma) held by the Cholesky factor L of Sigma = L L^T:
 * {@code log N(x) = -(d log(2 pi) + log det Sigma + |z|^2) / 2} with {@code L z = x - mean}, and
 * {@code log det Sigma = 2 sum_i log L_ii}. One component of a {@link GaussianMixture}.
 */
final class Gaussian {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  /** How often {@link #of} may multiply the regularisation by 10 before it gives up. */
  private static final int MAX_REGULARISATION_STEPS = 12;

  private final double[] mean;
  private final double[][] cholesky; // lower triangle, row i has i + 1 entries
  private final double logNormaliser;

  private Gaussian(double[] mean, double[][] cholesky) {
    this.mean = mean;
    this.cholesky = cholesky;
    double logDet = 0;
    for (int i = 0; i < mean.length; i++) {
      logDet += 2 * Math.log(cholesky[i][i]);
    }
    logNormaliser = -0.5 * (mean.length * LOG_2PI + logDet);
  }

  /**
   * N(mean, covariance + reg I). Singular covariances are common here (one-hot and constant
   * columns); reg keeps them positive definite, as scikit-learn's {@code reg_covar}. Where rounding
   * still leaves a non-positive pivot, reg is raised tenfold until the factorisation succeeds,
   * where scikit-learn would fail.
   *
   * @param covariance a symmetric matrix (the lower triangle is read); not changed
   */
  static Gaussian of(double[] mean, double[][] covariance, double reg) {
    double r = reg;
    for (int step = 0; step <= MAX_REGULARISATION_STEPS; step++, r *= 10) {
      double[][] l = cholesky(covariance, r);
      if (l != null) {
        return new Gaussian(mean.clone(), l);
      }
    }
    throw new IllegalArgumentException("covariance is not positive definite even with " + r / 10
        + " added to its diagonal");
  }

  /** The lower Cholesky factor of a + reg I, or null if a pivot is not positive. */
  private static double[][] cholesky(double[][] a, double reg) {
    int d = a.length;
    double[][] l = new double[d][];
    for (int i = 0; i < d; i++) {
      l[i] = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        double s = a[i][j] + (i == j ? reg : 0);
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        if (i == j) {
          if (!(s > 0)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  double[] mean() {
    return mean.clone();
  }

  double logDensity(double[] x) {
    int d = mean.length;
    double[] z = new double[d];
    double norm = 0;
    for (int i = 0; i < d; i++) { // forward substitution: L z = x - mean
      double s = x[i] - mean[i];
      double[] row = cholesky[i];
      for (int m = 0; m < i; m++) {
        s -= row[m] * z[m];
      }
      z[i] = s / row[i];
      norm += z[i] * z[i];
    }
    return logNormaliser - 0.5 * norm;
  }
}
