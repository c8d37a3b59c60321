package io.surprisal.model;

import java.util.Optional;

/**
 * The upper tail of the calibration scores, fitted so that the few percent of anomalies a training
 * window holds cannot drag it up: it gives the p-values and thresholds above a high quantile of the
 * scores (peaks over threshold: Pickands 1975; Siffer et al., KDD 2017).
 *
 * <p>Model. The NLL of a normal event under a flow is about a shifted chi-square(d)/2 in the base
 * space, a Gamma whose upper tail is close to exponential with a scale of about one nat. So the
 * excesses of normal scores over a start {@code u} are taken as exponential with scale beta, and the
 * chance to exceed {@code u} as the conformal share {@code (k + 1) / (n + 1)} of the k scores above it.
 *
 * <p>Fit, on n scores in ascending order:
 * <ul>
 *   <li>{@code u} is the score with {@code k = max(n / 10, 30)} scores above it (at most n / 2);
 *   <li>the largest {@code m = ceil(0.03 n)} scores are censored (Type II): the fit uses that they lie
 *       above the {@code (m + 1)}-th largest score, not how far. Anomalies among the top 3 %, however
 *       far out, count no more than as many normal scores would;
 *   <li>{@code beta = (sum of the r = k - m observed excesses + m * the censoring excess) / r}, the
 *       maximum-likelihood estimate of an exponential under Type II censoring (Lawless 2003, ch. 3);
 *   <li>scores so far out that fewer than half a score among n normal ones is expected that high
 *       (Chauvenet's criterion) are anomalies: they are left out and the tail is fitted again, at most
 *       m of them in all. This takes the far anomalies out of the count of scores above {@code u}.
 * </ul>
 *
 * <p>Prediction. With beta estimated from r excesses, the excess y of a new normal score has
 * {@code y / beta ~ F(2, 2r)} (Lawless 2003, ch. 3), so
 * {@code P(S > u + y) = share * (1 + y / (r beta))^-r}: a Pareto II tail, heavier than the fitted
 * exponential when r is small, that keeps the false-alarm rate at alpha on average over calibration
 * sets (plugging in beta alone would exceed alpha, since the alarm rate is convex in beta). For large
 * r it is the exponential {@code share * exp(-y / beta)}.
 *
 * @param start     the tail start {@code u}, a calibration score
 * @param share     {@code (k + 1) / (n + 1)}: the p-value at the start
 * @param scale     beta, in nats
 * @param excesses  r, the uncensored excesses the scale rests on
 * @param outliers  the scores left out as anomalies
 */
public record ScoreTail(double start, double share, double scale, int excesses, int outliers) {
  /** Fewest scores to fit a tail to. */
  public static final int MIN_SCORES = 20;
  /** Share of the scores above the tail start (when there are enough scores). */
  static final double TAIL_SHARE = 0.1;
  /** Fewest scores above the tail start (while that is at most half of them). */
  static final int MIN_ABOVE_START = 30;
  /** The largest share of anomalies among the scores that cannot move the fit: the censored share. */
  static final double MAX_CONTAMINATION = 0.03;

  /**
   * The tail of {@code sorted} (ascending, no NaN), or empty when there are fewer than
   * {@link #MIN_SCORES} scores or the scores above the start give no positive finite scale.
   */
  static Optional<ScoreTail> fit(double[] sorted) {
    int n = sorted.length;
    if (n < MIN_SCORES) {
      return Optional.empty();
    }
    int maxOutliers = (int) Math.ceil(MAX_CONTAMINATION * n);
    int kept = n;
    while (true) {
      ScoreTail tail = fit(sorted, kept, n - kept);
      if (tail == null) {
        return Optional.empty();
      }
      int next = kept;
      while (n - next < maxOutliers && tail.survival(sorted[next - 1]) * kept < 0.5) {
        next--;
      }
      if (next == kept) {
        return Optional.of(tail);
      }
      kept = next;
    }
  }

  /** The tail of the first {@code n} scores, or null when their scale is not positive and finite. */
  private static ScoreTail fit(double[] sorted, int n, int outliers) {
    int k = Math.min(n / 2, Math.max((int) Math.round(TAIL_SHARE * n), MIN_ABOVE_START));
    int m = (int) Math.ceil(MAX_CONTAMINATION * n);
    int r = k - m;
    double u = sorted[n - k - 1];
    double sum = m * (sorted[n - m - 1] - u);
    for (int i = n - k; i < n - m; i++) {
      sum += sorted[i] - u;
    }
    double beta = sum / r;
    if (!(beta > 0 && Double.isFinite(beta))) {
      return null;
    }
    return new ScoreTail(u, (k + 1.0) / (n + 1), beta, r, outliers);
  }

  /** p-value of a score at or above {@link #start()}: {@code share * (1 + y / (r beta))^-r}. */
  public double survival(double nll) {
    double y = Math.max(0, nll - start);
    return share * Math.exp(-excesses * Math.log1p(y / (excesses * scale)));
  }

  /** The score whose {@link #survival} is p, for {@code 0 < p <= share}. */
  public double quantile(double p) {
    return start + excesses * scale * Math.expm1(Math.log(share / p) / excesses);
  }
}
