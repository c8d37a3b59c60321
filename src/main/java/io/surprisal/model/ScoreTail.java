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
 *       maximum-likelihood estimate of an exponential under Type II censoring (Lawless 2003, ch. 3).
 * </ul>
 * Anomalies still count among the k scores above {@code u}, and raise beta through the censoring
 * score. So scores so far out that fewer than half a score among n normal ones is expected that high
 * (Chauvenet's criterion) are taken as anomalies and left out, at most a tenth of the scores:
 * first under a screening fit of the same kind that starts at the top fifth and censors the top
 * tenth (so that up to a tenth of far anomalies cannot break it), then under the fit above, each
 * time fitting again until no score is left out.
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
  /** The share of the largest scores that the fit censors. */
  static final double CENSORED_SHARE = 0.03;
  /** Screening fit: share of the scores above its start, and share censored. */
  static final double SCREEN_TAIL_SHARE = 0.2;
  static final double SCREEN_CENSORED_SHARE = 0.1;
  /** The most scores left out as outliers, as a share of them. */
  static final double MAX_OUTLIER_SHARE = 0.1;

  /**
   * The tail of {@code sorted} (ascending, no NaN), or empty when there are fewer than
   * {@link #MIN_SCORES} scores or the scores above the start give no positive finite scale.
   */
  static Optional<ScoreTail> fit(double[] sorted) {
    int n = sorted.length;
    if (n < MIN_SCORES) {
      return Optional.empty();
    }
    int fewest = n - (int) Math.ceil(MAX_OUTLIER_SHARE * n);
    int kept = leaveOutOutliers(sorted, n, fewest, SCREEN_TAIL_SHARE, SCREEN_CENSORED_SHARE);
    kept = leaveOutOutliers(sorted, kept, fewest, TAIL_SHARE, CENSORED_SHARE);
    ScoreTail tail = fit(sorted, kept, TAIL_SHARE, CENSORED_SHARE);
    return tail == null ? Optional.empty()
        : Optional.of(new ScoreTail(tail.start, tail.share, tail.scale, tail.excesses, n - kept));
  }

  /**
   * How many of the lowest {@code kept} scores are left once those that Chauvenet's criterion
   * rejects under a fit of this kind are left out from the top, fitting again after each round, and
   * keeping at least {@code fewest}. Unchanged when the fit has no scale.
   */
  private static int leaveOutOutliers(double[] sorted, int kept, int fewest, double tailShare,
      double censoredShare) {
    while (true) {
      ScoreTail tail = fit(sorted, kept, tailShare, censoredShare);
      if (tail == null) {
        return kept;
      }
      int next = kept;
      while (next > fewest && tail.survival(sorted[next - 1]) * kept < 0.5) {
        next--;
      }
      if (next == kept) {
        return kept;
      }
      kept = next;
    }
  }

  /**
   * The tail of the lowest {@code n} scores, starting below the top {@code tailShare} (at least
   * {@link #MIN_ABOVE_START} scores, at most half) and censoring the top {@code censoredShare}; null
   * when their scale is not positive and finite.
   */
  private static ScoreTail fit(double[] sorted, int n, double tailShare, double censoredShare) {
    int k = Math.min(n / 2, Math.max((int) Math.round(tailShare * n), MIN_ABOVE_START));
    int m = (int) Math.ceil(censoredShare * n);
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
    return new ScoreTail(u, (k + 1.0) / (n + 1), beta, r, 0);
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
