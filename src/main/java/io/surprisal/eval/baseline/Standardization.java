package io.surprisal.eval.baseline;

/**
 * z = (x - mean) / scale per column, with the training rows' mean and (population) standard
 * deviation; a constant column gets scale 1, as scikit-learn's {@code StandardScaler} does. The
 * reference harness standardised every classic detector's input this way.
 */
final class Standardization {
  private final double[] mean;
  private final double[] scale;

  private Standardization(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Mean and deviation of each column of {@code rows}. */
  static Standardization of(double[][] rows) {
    int d = Rows.width(rows);
    int n = rows.length;
    double[] mean = new double[d];
    for (double[] row : rows) {
      for (int c = 0; c < d; c++) {
        mean[c] += row[c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= n;
    }
    double[] scale = new double[d];
    for (double[] row : rows) {
      for (int c = 0; c < d; c++) {
        double diff = row[c] - mean[c];
        scale[c] += diff * diff;
      }
    }
    for (int c = 0; c < d; c++) {
      double sd = Math.sqrt(scale[c] / n);
      scale[c] = sd > 0 ? sd : 1;
    }
    return new Standardization(mean, scale);
  }

  double[] apply(double[] row) {
    double[] out = new double[row.length];
    for (int c = 0; c < row.length; c++) {
      out[c] = (row[c] - mean[c]) / scale[c];
    }
    return out;
  }

  double[][] apply(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = apply(rows[i]);
    }
    return out;
  }
}
