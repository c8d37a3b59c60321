package io.surprisal.eval.baseline;

/** Checks of the rows handed to {@link Baseline#fit}. */
final class Rows {
  private Rows() {}

  /**
   * @return the common row length
   * @throws IllegalArgumentException if there are no rows, no columns, or rows differ in length
   */
  static int width(double[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("a baseline needs at least one training row, got none");
    }
    int d = rows[0].length;
    if (d == 0) {
      throw new IllegalArgumentException("training rows have no columns");
    }
    for (int i = 1; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("training row " + i + " has " + rows[i].length
            + " values, row 0 has " + d);
      }
    }
    return d;
  }

  /** The rows as one row-major array, which the distance loops read faster than a {@code double[][]}. */
  static double[] flatten(double[][] rows, int d) {
    double[] out = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * d, d);
    }
    return out;
  }
}
