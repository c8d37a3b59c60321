package io.surprisal.eval;

import java.util.Arrays;

/**
 * The scores of the anomalies and of the normal rows, each sorted ascending: the form both ranking
 * metrics work on, which avoids sorting an index array (boxing) for millions of rows.
 */
final class ScoresByClass {
  final double[] anomalies;
  final double[] normals;

  private ScoresByClass(double[] anomalies, double[] normals) {
    this.anomalies = anomalies;
    this.normals = normals;
  }

  /**
   * @throws IllegalArgumentException if the arrays differ in length or a score is NaN
   * @throws SingleClassException if all labels are the same
   */
  static ScoresByClass of(double[] scores, boolean[] anomalous, String metric) {
    if (scores.length != anomalous.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + anomalous.length + " labels");
    }
    int positives = 0;
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is NaN");
      }
      if (anomalous[i]) {
        positives++;
      }
    }
    if (positives == 0 || positives == scores.length) {
      throw new SingleClassException(metric, scores.length, positives > 0);
    }
    double[] anomalies = new double[positives];
    double[] normals = new double[scores.length - positives];
    int a = 0;
    int n = 0;
    for (int i = 0; i < scores.length; i++) {
      // + 0.0 turns -0.0 into 0.0: Arrays.sort orders them, but as scores they are a tie
      if (anomalous[i]) {
        anomalies[a++] = scores[i] + 0.0;
      } else {
        normals[n++] = scores[i] + 0.0;
      }
    }
    Arrays.sort(anomalies);
    Arrays.sort(normals);
    return new ScoresByClass(anomalies, normals);
  }

  /**
   * Labels given as 1 (anomaly) and 0 (normal).
   *
   * @throws IllegalArgumentException if a label is neither
   */
  static boolean[] fromInts(int[] labels) {
    boolean[] anomalous = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "label " + i + " is " + labels[i] + "; labels must be 0 (normal) or 1 (anomaly)");
      }
      anomalous[i] = labels[i] == 1;
    }
    return anomalous;
  }
}
