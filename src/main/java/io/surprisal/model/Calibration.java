package io.surprisal.model;

import java.util.Arrays;

/**
 * Conformal calibration on the NLLs of held-out rows that the flow never trained on.
 *
 * <p>For an event with NLL s, {@code p = (1 + #{calibration NLL >= s}) / (n + 1)} is a valid
 * p-value when the event is exchangeable with the calibration rows (Vovk et al. 2005; Laxhammar and
 * Falkman 2015), so alerting on {@code p <= alpha} bounds the false-alarm rate by alpha.
 *
 * <p>That formula cannot go below {@code 1/(n+1)}: with 500 calibration rows no event could ever
 * alert at alpha = 0.001. Beyond the largest calibration score the p-value is therefore
 * extrapolated with an exponential tail (peaks over threshold, Pickands 1975; Siffer et al. 2017):
 * {@code p = exp(-(s - s_max) / beta) / (n + 1)}, where beta is the mean excess of the top tenth
 * (10 to 250 rows) of the calibration scores over the score just below them. Inside the
 * calibration range the p-value is exactly the conformal one; below {@code 1/(n+1)} it is a model
 * of the tail rather than a guarantee. With fewer than {@value #MIN_TAIL_ROWS} rows there is no
 * extrapolation.
 */
public final class Calibration {
  static final int MIN_TAIL_ROWS = 20;

  private final double[] sorted;
  private final double tailScale;

  public Calibration(double[] nll) {
    for (double v : nll) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("calibration scores must not be NaN");
      }
    }
    this.sorted = nll.clone();
    Arrays.sort(this.sorted);
    this.tailScale = meanExcess(sorted);
  }

  private static double meanExcess(double[] sorted) {
    int n = sorted.length;
    if (n < MIN_TAIL_ROWS || !Double.isFinite(sorted[n - 1])) {
      return Double.NaN;
    }
    int k = Math.max(10, Math.min(250, n / 10));
    double base = sorted[n - k - 1];
    double sum = 0;
    for (int i = n - k; i < n; i++) {
      sum += sorted[i] - base;
    }
    double beta = sum / k;
    return beta > 0 && Double.isFinite(beta) ? beta : Double.NaN;
  }

  /** Number of calibration scores. */
  public int size() {
    return sorted.length;
  }

  /** The calibration NLLs in ascending order (a copy). */
  public double[] scores() {
    return sorted.clone();
  }

  /** Scale of the exponential tail beyond the largest calibration score, or NaN when there is none. */
  public double tailScale() {
    return tailScale;
  }

  /** p-value of an event with negative log-likelihood {@code nll}; NaN scores get p = 1/(n+1). */
  public double pValue(double nll) {
    int n = sorted.length;
    if (Double.isNaN(nll)) {
      return 1.0 / (n + 1);
    }
    // first index with sorted[i] >= nll
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < nll) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == n && n > 0 && !Double.isNaN(tailScale)) {
      return Math.exp(-(nll - sorted[n - 1]) / tailScale) / (n + 1);
    }
    return (1.0 + (n - lo)) / (n + 1);
  }

  /** The smallest NLL whose p-value is at most alpha: events at or above it alert. */
  public double threshold(double alpha) {
    // inside the range, p(s) <= alpha  <=>  1 + #{>= s} <= alpha (n + 1)
    int n = sorted.length;
    int allowed = (int) Math.floor(alpha * (n + 1)) - 1; // how many calibration scores may be >= s
    if (allowed >= n) {
      return Double.NEGATIVE_INFINITY;
    }
    if (allowed >= 0) {
      return Math.nextUp(sorted[n - 1 - allowed]);
    }
    if (Double.isNaN(tailScale)) {
      return Double.POSITIVE_INFINITY;
    }
    return sorted[n - 1] + tailScale * Math.log(1 / (alpha * (n + 1)));
  }
}
