package io.surprisal.eval;

/**
 * Area under the ROC curve: the probability that a random anomaly scores higher than a random normal
 * row, a tie counting one half. This is the Mann-Whitney U statistic divided by the number of
 * (anomaly, normal) pairs, equal to ranking all scores with ties given their average rank, and to
 * the trapezoidal area under the ROC curve (as in scikit-learn's {@code roc_auc_score}).
 *
 * <p>Scores are "higher = more anomalous": a detector that ranks every anomaly above every normal
 * row scores 1, the reverse 0, and constant scores 0.5. For surprisal, the score is the negative
 * log-likelihood.
 */
public final class RocAuc {
  private static final String NAME = "ROC-AUC";

  private RocAuc() {}

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
    // For each anomaly (ascending), below = normals scoring lower, notAbove = lower or equal; both
    // only grow, so one merge pass counts U in O(n) after the O(n log n) sorts.
    double u = 0;
    int below = 0;
    int notAbove = 0;
    for (double p : pos) {
      while (below < neg.length && neg[below] < p) {
        below++;
      }
      notAbove = Math.max(notAbove, below);
      while (notAbove < neg.length && neg[notAbove] == p) {
        notAbove++;
      }
      u += below + 0.5 * (notAbove - below);
    }
    return u / ((double) pos.length * neg.length);
  }

  /** {@link #of(double[], boolean[])} with labels 1 = anomaly, 0 = normal. */
  public static double of(double[] scores, int[] labels) {
    return of(scores, ScoresByClass.fromInts(labels));
  }
}
