package io.surprisal.model;

import java.util.Arrays;

/**
 * Conformal calibration: the NLLs of held-out rows that the flow never trained on. For an event
 * with NLL s, {@code p = (1 + #{calibration NLL >= s}) / (n + 1)} is a valid p-value when the event
 * is exchangeable with the calibration rows (Vovk et al.; Laxhammar and Falkman 2015), so alerting
 * on {@code p <= alpha} bounds the false-alarm rate by alpha.
 */
public final class Calibration {
  private final double[] sorted;

  public Calibration(double[] nll) {
    for (double v : nll) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("calibration scores must not be NaN");
      }
    }
    this.sorted = nll.clone();
    Arrays.sort(this.sorted);
  }

  /** Number of calibration scores. */
  public int size() {
    return sorted.length;
  }

  /** The calibration NLLs in ascending order (a copy). */
  public double[] scores() {
    return sorted.clone();
  }

  /** Conformal p-value of an event with negative log-likelihood {@code nll}; NaN scores get p = 1/(n+1). */
  public double pValue(double nll) {
    if (Double.isNaN(nll)) {
      return 1.0 / (sorted.length + 1);
    }
    // first index with sorted[i] >= nll
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < nll) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (1.0 + (sorted.length - lo)) / (sorted.length + 1);
  }

  /** The smallest NLL that alerts at level alpha, i.e. the threshold implied by the calibration set. */
  public double threshold(double alpha) {
    // p(s) <= alpha  <=>  1 + #{>= s} <= alpha (n + 1)
    int n = sorted.length;
    int allowed = (int) Math.floor(alpha * (n + 1)) - 1; // how many calibration scores may be >= s
    if (allowed < 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (allowed >= n) {
      return Double.NEGATIVE_INFINITY;
    }
    return Math.nextUp(sorted[n - 1 - allowed]);
  }
}
