package io.surprisal.eval;

/**
 * Average precision, the usual estimate of the area under the precision-recall curve, as
 * scikit-learn's {@code average_precision_score} defines it: {@code AP = sum_k (R_k - R_(k-1)) P_k},
 * where k runs over the distinct scores from highest to lowest, and {@code P_k}, {@code R_k} are
 * the precision and recall when every row scoring at least the k-th score is called an anomaly.
 * Rows with equal scores enter together, so the result does not depend on their order. There is no
 * interpolation (unlike the trapezoidal PR-AUC, which is optimistic).
 *
 * <p>A perfect ranking scores 1; constant scores give the fraction of anomalies.
 */
public final class AveragePrecision {
  private static final String NAME = "Average precision (PR-AUC)";

  private AveragePrecision() {}

  /**
   * @param scores one per row, higher = more anomalous; not NaN (infinities are fine)
   * @param anomalous the labels, true for an anomaly
   * @throws SingleClassException if all labels are the same
   * @throws IllegalArgumentException if the lengths differ or a score is NaN
   */
  public static double of(double[] scores, boolean[] anomalous) {
    ScoresByClass byClass = ScoresByClass.of(scores, anomalous, NAME);
    double[] pos = byClass.anomalies;
    double[] neg = byClass.normals;
    // Walk the distinct scores downwards through both ascending arrays, taking each tie group whole.
    int p = pos.length - 1;
    int n = neg.length - 1;
    long truePositives = 0;
    long falsePositives = 0;
    double sum = 0;
    while (p >= 0) {
      double threshold = n >= 0 ? Math.max(pos[p], neg[n]) : pos[p];
      long newPositives = 0;
      while (p >= 0 && pos[p] == threshold) {
        newPositives++;
        p--;
      }
      while (n >= 0 && neg[n] == threshold) {
        falsePositives++;
        n--;
      }
      truePositives += newPositives;
      double precision = (double) truePositives / (truePositives + falsePositives);
      sum += newPositives * precision;
    }
    // sum_k (dTP_k / P) * precision_k, with the division by P done once
    return sum / pos.length;
  }

  /** {@link #of(double[], boolean[])} with labels 1 = anomaly, 0 = normal. */
  public static double of(double[] scores, int[] labels) {
    return of(scores, ScoresByClass.fromInts(labels));
  }
}
