package io.surprisal.eval.baseline;

/** A {@link Baseline} after its fit: scores rows, higher = more anomalous. */
@FunctionalInterface
public interface FittedBaseline {

  /**
   * @param row a row of the training rows' length
   * @return its anomaly score, higher = more anomalous
   */
  double score(double[] row);

  /** {@link #score(double[])} of every row, in order. */
  default double[] score(double[][] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = score(rows[i]);
    }
    return out;
  }
}
