package io.surprisal.model;

import java.util.Arrays;

/**
 * A fixed affine map {@code z' = W (z - m)} on the active features after per-feature scaling: ZCA
 * whitening (Kessy, Lewin and Strimmer 2018) with {@code W = U diag(lambda)^(-1/2) U^T} from a robust
 * covariance {@code U diag(lambda) U^T}. {@code log|det W| = -1/2 sum log lambda} is part of the
 * log-likelihood. The flow then starts from the best-fitting Gaussian instead of an axis-aligned
 * one, and, because the covariance is fitted on the central rows only, outliers in the training
 * data neither distort the map nor look typical under the initial model. Immutable.
 */
public final class Whitening {
  private final int dim;
  private final double[] mean;
  private final double[] matrix;
  private final double[] inverse;
  private final double logDet;

  /**
   * @param mean    the centre m (length d)
   * @param matrix  W, row-major {@code d x d}
   * @param inverse W^-1, row-major {@code d x d}
   */
  public Whitening(double[] mean, double[] matrix, double[] inverse) {
    int d = mean.length;
    if (d == 0 || matrix.length != d * d || inverse.length != d * d) {
      throw new IllegalArgumentException("whitening needs a d-vector and two d x d matrices, got " + d + ", "
          + matrix.length + ", " + inverse.length);
    }
    this.dim = d;
    this.mean = mean.clone();
    this.matrix = matrix.clone();
    this.inverse = inverse.clone();
    this.logDet = logAbsDet(matrix, d);
  }

  public int dim() {
    return dim;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[] matrix() {
    return matrix.clone();
  }

  public double[] inverse() {
    return inverse.clone();
  }

  /** {@code log|det W|}. */
  public double logAbsDet() {
    return logDet;
  }

  /** Writes {@code W (z - m)} into {@code out[outOff ..)}; returns {@code log|det W|}. */
  public double forward(double[] z, int zOff, double[] out, int outOff) {
    for (int i = 0; i < dim; i++) {
      double s = 0;
      for (int j = 0; j < dim; j++) {
        s += matrix[i * dim + j] * (z[zOff + j] - mean[j]);
      }
      out[outOff + i] = s;
    }
    return logDet;
  }

  /** Writes {@code W^-1 y + m} into {@code out[outOff ..)}. */
  public void inverse(double[] y, int yOff, double[] out, int outOff) {
    for (int i = 0; i < dim; i++) {
      double s = mean[i];
      for (int j = 0; j < dim; j++) {
        s += inverse[i * dim + j] * y[yOff + j];
      }
      out[outOff + i] = s;
    }
  }

  /**
   * Fits ZCA whitening to {@code n} rows of {@code d} values on a covariance that ignores the
   * {@code trim} share of rows farthest from the centre (three reweighting steps, then a consistency
   * factor so the median squared distance matches a Gaussian's), plus {@code extraVariance} on the
   * diagonal (the dequantisation noise the flow will see). Eigenvalues are floored at
   * {@code 1e-6} of the largest, so collinear features do not blow up.
   */
  public static Whitening fit(double[] rows, int n, int d, double[] extraVariance, double trim) {
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    double[] mean = new double[d];
    double[] cov = new double[d * d];
    double[] d2 = new double[n];
    for (int step = 0; step < 4; step++) {
      moments(rows, n, d, keep, mean, cov);
      for (int j = 0; j < d; j++) {
        cov[j * d + j] += extraVariance[j];
      }
      Whitening w = zca(mean, cov, d);
      double[] y = new double[d];
      for (int i = 0; i < n; i++) {
        w.forward(rows, i * d, y, 0);
        double s = 0;
        for (double v : y) {
          s += v * v;
        }
        d2[i] = s;
      }
      if (step == 3 || trim <= 0) {
        double[] sorted = d2.clone();
        Arrays.sort(sorted);
        double median = sorted[n / 2];
        double chi2Median = d * Math.pow(1 - 2.0 / (9 * d), 3);
        double factor = median > 0 ? median / chi2Median : 1;
        for (int k = 0; k < d * d; k++) {
          cov[k] *= factor;
        }
        return zca(mean, cov, d);
      }
      double[] sorted = d2.clone();
      Arrays.sort(sorted);
      double cut = sorted[Math.min(n - 1, (int) Math.floor((1 - trim) * n))];
      for (int i = 0; i < n; i++) {
        keep[i] = d2[i] <= cut;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static void moments(double[] rows, int n, int d, boolean[] keep, double[] mean, double[] cov) {
    Arrays.fill(mean, 0);
    Arrays.fill(cov, 0);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        m++;
        for (int j = 0; j < d; j++) {
          mean[j] += rows[i * d + j];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= Math.max(1, m);
    }
    for (int i = 0; i < n; i++) {
      if (!keep[i]) {
        continue;
      }
      for (int a = 0; a < d; a++) {
        double va = rows[i * d + a] - mean[a];
        for (int b = a; b < d; b++) {
          cov[a * d + b] += va * (rows[i * d + b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a * d + b] /= Math.max(1, m - 1);
        cov[b * d + a] = cov[a * d + b];
      }
    }
  }

  static Whitening zca(double[] mean, double[] cov, int d) {
    SymmetricEigen e = SymmetricEigen.of(cov, d);
    double max = Arrays.stream(e.values()).max().orElse(1);
    double floor = Math.max(1e-6 * max, 1e-300);
    double[] w = new double[d * d];
    double[] inv = new double[d * d];
    double[] u = e.vectors();
    for (int k = 0; k < d; k++) {
      double lambda = Math.max(e.values()[k], floor);
      double a = 1 / Math.sqrt(lambda);
      double b = Math.sqrt(lambda);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double uu = u[i * d + k] * u[j * d + k];
          w[i * d + j] += a * uu;
          inv[i * d + j] += b * uu;
        }
      }
    }
    return new Whitening(mean, w, inv);
  }

  private static double logAbsDet(double[] m, int d) {
    double[][] a = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(m, i * d, a[i], 0, d);
    }
    double logDet = 0;
    for (int k = 0; k < d; k++) {
      int p = k;
      for (int i = k + 1; i < d; i++) {
        if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
          p = i;
        }
      }
      double[] t = a[k];
      a[k] = a[p];
      a[p] = t;
      double pivot = a[k][k];
      logDet += Math.log(Math.abs(pivot));
      for (int i = k + 1; i < d; i++) {
        double f = a[i][k] / pivot;
        for (int j = k; j < d; j++) {
          a[i][j] -= f * a[k][j];
        }
      }
    }
    return logDet;
  }
}
