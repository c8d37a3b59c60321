package io.surprisal.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * p-values and alert thresholds from the NLLs of held-out rows that the flow never trained on.
 *
 * <p>Below the top tenth of the calibration scores the p-value is the conformal one,
 * {@code p = (1 + #{calibration NLL >= s}) / (n + 1)}, valid when the event is exchangeable with the
 * calibration rows (Vovk et al. 2005; Laxhammar and Falkman 2015). Above it the p-value comes from
 * a {@link ScoreTail} fitted to the top of the scores. Two reasons: the conformal p-value cannot go
 * below {@code 1/(n+1)} (with 500 rows no event could alert at alpha = 0.001), and the calibration
 * rows come from a window that holds anomalies: with 1 % of them, the conformal threshold at
 * alpha = 0.001 is one of the anomalies and most of the others never alert. The tail ignores the
 * values of the top 3 % of the scores and leaves out the far outliers, so its threshold stays where
 * the normal scores put it. Where the tail applies, p is a model of the tail, not a guarantee.
 *
 * <p>Scores the tail takes as outliers count neither in n nor in the conformal counts. With fewer
 * than {@value ScoreTail#MIN_SCORES} scores there is no tail and p-values stop at {@code 1/(n+1)}.
 */
public final class Calibration {
  private final double[] sorted;
  private final ScoreTail tail;
  /** Scores that count: the lowest {@code kept}, all but the tail's outliers. */
  private final int kept;

  /** @throws IllegalArgumentException if a score is NaN */
  public Calibration(double[] nll) {
    for (double v : nll) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("calibration scores must not be NaN");
      }
    }
    this.sorted = nll.clone();
    Arrays.sort(this.sorted);
    this.tail = ScoreTail.fit(sorted).orElse(null);
    this.kept = sorted.length - (tail == null ? 0 : tail.outliers());
  }

  /** Number of calibration scores, outliers included. */
  public int size() {
    return sorted.length;
  }

  /** The calibration NLLs in ascending order, outliers included (a copy). */
  public double[] scores() {
    return sorted.clone();
  }

  /** The fitted upper tail, or empty with too few scores. */
  public Optional<ScoreTail> tail() {
    return Optional.ofNullable(tail);
  }

  /** Scores left out as outliers (see {@link ScoreTail}). */
  public int outliers() {
    return sorted.length - kept;
  }

  /** The smallest conformal p-value, {@code 1/(n+1)} over the scores that count. */
  public double smallestConformalPValue() {
    return 1.0 / (kept + 1);
  }

  /**
   * p-value of an event with negative log-likelihood {@code nll}; NaN scores get
   * {@link #smallestConformalPValue()}.
   */
  public double pValue(double nll) {
    if (Double.isNaN(nll)) {
      return smallestConformalPValue();
    }
    if (tail != null && nll > tail.start()) {
      return tail.survival(nll);
    }
    // first index with sorted[i] >= nll
    int lo = 0;
    int hi = kept;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < nll) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (1.0 + (kept - lo)) / (kept + 1);
  }

  /** The smallest NLL whose p-value is at most alpha: events at or above it alert. */
  public double threshold(double alpha) {
    if (tail != null && alpha < tail.share()) {
      return tail.quantile(alpha);
    }
    // conformal: p(s) <= alpha  <=>  1 + #{>= s} <= alpha (n + 1)
    int allowed = (int) Math.floor(alpha * (kept + 1)) - 1; // how many calibration scores may be >= s
    if (allowed >= kept) {
      return Double.NEGATIVE_INFINITY;
    }
    if (allowed >= 0) {
      return Math.nextUp(sorted[kept - 1 - allowed]);
    }
    return Double.POSITIVE_INFINITY;
  }
}
