package io.surprisal.eval.baseline;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A Gaussian mixture with full covariances, fitted by expectation-maximisation (Dempster, Laird and
 * Rubin, 1977) as scikit-learn's {@code GaussianMixture} does: responsibilities start from a k-means
 * clustering, {@value #REG_COVAR} is added to every covariance's diagonal, and EM stops when the mean
 * log-likelihood per row changes by less than {@value #TOLERANCE} or after {@value #MAX_ITERATIONS}
 * iterations. {@code log p(x) = logsumexp_j (log w_j + log N(x; mu_j, Sigma_j))}.
 */
final class GaussianMixture {
  static final double REG_COVAR = 1e-6;
  static final double TOLERANCE = 1e-3;
  static final int MAX_ITERATIONS = 100;
  /** scikit-learn's floor on a component's weight sum, which keeps an empty component finite. */
  private static final double MIN_WEIGHT = 10 * Math.ulp(1.0);

  private final double[] logWeight;
  private final Gaussian[] components;

  private GaussianMixture(double[] logWeight, Gaussian[] components) {
    this.logWeight = logWeight;
    this.components = components;
  }

  /**
   * @param rows at least k rows of equal length
   * @param k the number of components, at least 1
   */
  static GaussianMixture fit(double[][] rows, int k, SplittableRandom random) {
    int n = rows.length;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("components must be between 1 and the " + n + " rows, got " + k);
    }
    double[][] resp = new double[n][k];
    int[] label = k == 1 ? new int[n] : KMeans.cluster(rows, k, random);
    for (int i = 0; i < n; i++) {
      resp[i][label[i]] = 1;
    }
    GaussianMixture mixture = maximise(rows, resp);
    double previous = Double.NEGATIVE_INFINITY;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double current = mixture.expect(rows, resp);
      mixture = maximise(rows, resp);
      if (Math.abs(current - previous) < TOLERANCE) {
        break;
      }
      previous = current;
    }
    return mixture;
  }

  /** E-step: fills {@code resp} with each row's posterior over the components; returns the mean log-likelihood. */
  private double expect(double[][] rows, double[][] resp) {
    double[] logLikelihood = IntStream.range(0, rows.length).parallel().mapToDouble(i -> {
      double[] r = resp[i];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < components.length; j++) {
        r[j] = logWeight[j] + components[j].logDensity(rows[i]);
        max = Math.max(max, r[j]);
      }
      double sum = 0;
      for (int j = 0; j < components.length; j++) {
        r[j] = Math.exp(r[j] - max);
        sum += r[j];
      }
      for (int j = 0; j < components.length; j++) {
        r[j] /= sum;
      }
      return max + Math.log(sum);
    }).toArray();
    return sum(logLikelihood) / rows.length;
  }

  /** In order, so that the result does not depend on how a parallel stream was split. */
  private static double sum(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  /** M-step: weights, means and covariances (plus {@link #REG_COVAR}) from the responsibilities. */
  private static GaussianMixture maximise(double[][] rows, double[][] resp) {
    int n = rows.length;
    int d = rows[0].length;
    int k = resp[0].length;
    double[] logWeight = new double[k];
    Gaussian[] components = IntStream.range(0, k).parallel().mapToObj(j -> {
      double weight = MIN_WEIGHT;
      double[] mean = new double[d];
      for (int i = 0; i < n; i++) {
        double r = resp[i][j];
        weight += r;
        for (int c = 0; c < d; c++) {
          mean[c] += r * rows[i][c];
        }
      }
      for (int c = 0; c < d; c++) {
        mean[c] /= weight;
      }
      double[][] covariance = new double[d][];
      for (int a = 0; a < d; a++) {
        covariance[a] = new double[a + 1];
      }
      double[] diff = new double[d];
      for (int i = 0; i < n; i++) {
        double r = resp[i][j];
        if (r == 0) {
          continue;
        }
        for (int c = 0; c < d; c++) {
          diff[c] = rows[i][c] - mean[c];
        }
        for (int a = 0; a < d; a++) {
          double ra = r * diff[a];
          double[] row = covariance[a];
          for (int b = 0; b <= a; b++) {
            row[b] += ra * diff[b];
          }
        }
      }
      for (double[] row : covariance) {
        for (int b = 0; b < row.length; b++) {
          row[b] /= weight;
        }
      }
      logWeight[j] = Math.log(weight / n);
      return Gaussian.of(mean, covariance, REG_COVAR);
    }).toArray(Gaussian[]::new);
    return new GaussianMixture(logWeight, components);
  }

  double logDensity(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    double[] terms = new double[components.length];
    for (int j = 0; j < components.length; j++) {
      terms[j] = logWeight[j] + components[j].logDensity(x);
      max = Math.max(max, terms[j]);
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Bayesian information criterion on these rows, lower is better:
   * {@code -2 sum_i log p(x_i) + p log n} with p = k d (d + 1) / 2 + k d + k - 1 free parameters.
   */
  double bic(double[][] rows) {
    double logLikelihood = sum(IntStream.range(0, rows.length).parallel().mapToDouble(i -> logDensity(rows[i]))
        .toArray());
    int k = components.length;
    long d = rows[0].length;
    double parameters = k * d * (d + 1) / 2.0 + k * d + k - 1;
    return -2 * logLikelihood + parameters * Math.log(rows.length);
  }

  int components() {
    return components.length;
  }

  Gaussian component(int j) {
    return components[j];
  }

  double weight(int j) {
    return Math.exp(logWeight[j]);
  }
}
