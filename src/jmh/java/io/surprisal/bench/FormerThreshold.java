package io.surprisal.bench;

import java.util.Arrays;

/**
 * The alert threshold before the calibration tail ({@code io.surprisal.model.ScoreTail}), for
 * comparisons: the scores above Q3 + 4 IQR dropped (the trainer's fence; {@code fit} had none),
 * then conformal p-values and, beyond the largest score, an exponential tail whose scale is the mean
 * excess of the top tenth (10 to 250 scores) over the score below them.
 */
final class FormerThreshold {
  private FormerThreshold() {}

  /** The threshold at alpha of these scores, fenced first if {@code fence}. */
  static double of(double[] scores, double alpha, boolean fence) {
    double[] s = scores.clone();
    Arrays.sort(s);
    if (fence && s.length >= 20) {
      double q1 = quantile(s, 0.25);
      double q3 = quantile(s, 0.75);
      double limit = q3 + 4 * (q3 - q1);
      s = Arrays.stream(s).filter(v -> v <= limit).toArray();
    }
    int n = s.length;
    int allowed = (int) Math.floor(alpha * (n + 1)) - 1;
    if (allowed >= 0) {
      return Math.nextUp(s[n - 1 - allowed]);
    }
    if (n < 20) {
      return Double.POSITIVE_INFINITY;
    }
    int k = Math.max(10, Math.min(250, n / 10));
    double sum = 0;
    for (int i = n - k; i < n; i++) {
      sum += s[i] - s[n - k - 1];
    }
    return s[n - 1] + sum / k * Math.log(1 / (alpha * (n + 1)));
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
