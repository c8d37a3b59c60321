package io.surprisal.testing;

import java.util.SplittableRandom;

/**
 * A multivariate normal {@code N(mean, L L^T)} held by its lower-triangular Cholesky factor L, for
 * tests that need the exact density of the data: sampling, {@code log N(x)}, the entropy
 * {@code 0.5 log det(2 pi e Sigma)} (the expected NLL of the true density), and the maximum-likelihood
 * fit to rows (the best single Gaussian a flow has to beat).
 */
public record Gaussian(double[] mean, double[][] cholesky) {

  public Gaussian {
    mean = mean.clone();
    double[][] l = new double[cholesky.length][];
    for (int i = 0; i < l.length; i++) {
      l[i] = cholesky[i].clone();
      if (l[i].length != mean.length || !(l[i][i] > 0)) {
        throw new IllegalArgumentException("need a lower-triangular Cholesky factor with positive diagonal");
      }
    }
    cholesky = l;
  }

  /** {@code N(mean, sigma)} for a symmetric positive-definite covariance. */
  public static Gaussian of(double[] mean, double[][] sigma) {
    int d = mean.length;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = sigma[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new IllegalArgumentException("covariance is not positive definite");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return new Gaussian(mean, l);
  }

  /** The maximum-likelihood Gaussian of {@code n} rows of {@code d} values stored row-major. */
  public static Gaussian fit(double[] rows, int n, int d) {
    double[] mu = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mu[j] += rows[i * d + j] / n;
      }
    }
    double[][] sigma = new double[d][d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          sigma[a][b] += (rows[i * d + a] - mu[a]) * (rows[i * d + b] - mu[b]) / n;
        }
      }
    }
    return of(mu, sigma);
  }

  public int dim() {
    return mean.length;
  }

  /** {@code n} draws stored row-major. */
  public double[] sample(int n, long seed) {
    int d = dim();
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[n * d];
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[j] = random.nextGaussian();
      }
      for (int j = 0; j < d; j++) {
        double s = mean[j];
        for (int k = 0; k <= j; k++) {
          s += cholesky[j][k] * z[k];
        }
        out[i * d + j] = s;
      }
    }
    return out;
  }

  /** {@code log N(x)} of the row {@code x[off .. off+d)}: solves {@code L z = x - mean}. */
  public double logDensity(double[] x, int off) {
    int d = dim();
    double[] z = new double[d];
    double q = 0;
    for (int j = 0; j < d; j++) {
      double s = x[off + j] - mean[j];
      for (int k = 0; k < j; k++) {
        s -= cholesky[j][k] * z[k];
      }
      z[j] = s / cholesky[j][j];
      q += z[j] * z[j];
    }
    return -0.5 * q - 0.5 * logDetSigma() - 0.5 * d * Math.log(2 * Math.PI);
  }

  /**
   * {@code E[x_j | x_k, k != j]}, the mean of feature j given the others, from column j of the
   * precision matrix {@code Q = Sigma^-1}: {@code mean_j - sum_{k != j} Q_jk (x_k - mean_k) / Q_jj}.
   */
  public double conditionalMean(double[] x, int j) {
    double[] q = precisionColumn(j);
    double s = 0;
    for (int k = 0; k < dim(); k++) {
      if (k != j) {
        s += q[k] * (x[k] - mean[k]);
      }
    }
    return mean[j] - s / q[j];
  }

  /** Standard deviation of feature j given the others, {@code 1 / sqrt(Q_jj)}. */
  public double conditionalSd(int j) {
    return 1 / Math.sqrt(precisionColumn(j)[j]);
  }

  /** Column j of {@code Sigma^-1}: solves {@code L y = e_j}, then {@code L^T q = y}. */
  private double[] precisionColumn(int j) {
    int d = dim();
    double[] y = new double[d];
    for (int i = 0; i < d; i++) {
      double s = i == j ? 1 : 0;
      for (int k = 0; k < i; k++) {
        s -= cholesky[i][k] * y[k];
      }
      y[i] = s / cholesky[i][i];
    }
    double[] q = new double[d];
    for (int i = d - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < d; k++) {
        s -= cholesky[k][i] * q[k];
      }
      q[i] = s / cholesky[i][i];
    }
    return q;
  }

  /** Mean NLL of {@code n} rows under this density. */
  public double meanNll(double[] rows, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum -= logDensity(rows, i * dim());
    }
    return sum / n;
  }

  /** Differential entropy {@code 0.5 log det(2 pi e Sigma)}: the expected NLL of its own samples. */
  public double entropy() {
    return 0.5 * (dim() * Math.log(2 * Math.PI * Math.E) + logDetSigma());
  }

  private double logDetSigma() {
    double s = 0;
    for (int j = 0; j < dim(); j++) {
      s += 2 * Math.log(cholesky[j][j]);
    }
    return s;
  }
}
