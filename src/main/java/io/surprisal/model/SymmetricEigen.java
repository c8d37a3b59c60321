package io.surprisal.model;

/**
 * Eigen-decomposition {@code A = V diag(values) V^T} of a small symmetric matrix by cyclic Jacobi
 * rotations (Golub and Van Loan, section 8.5): simple, unconditionally stable, and exact enough for
 * the covariance matrices of a few dozen features that whitening needs.
 *
 * @param values  eigenvalues
 * @param vectors eigenvectors as the columns of a row-major {@code d x d} matrix
 */
record SymmetricEigen(double[] values, double[] vectors) {
  private static final int MAX_SWEEPS = 100;

  static SymmetricEigen of(double[] matrix, int d) {
    double[] a = matrix.clone();
    double[] v = new double[d * d];
    for (int i = 0; i < d; i++) {
      v[i * d + i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double total = 0;
      for (int p = 0; p < d; p++) {
        for (int q = 0; q < d; q++) {
          double x = a[p * d + q] * a[p * d + q];
          total += x;
          if (p != q) {
            off += x;
          }
        }
      }
      if (off <= 1e-30 * Math.max(total, 1e-300)) {
        break;
      }
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          double apq = a[p * d + q];
          if (apq == 0) {
            continue;
          }
          double theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < d; k++) { // A <- A J (columns p, q)
            double akp = a[k * d + p];
            double akq = a[k * d + q];
            a[k * d + p] = c * akp - s * akq;
            a[k * d + q] = s * akp + c * akq;
          }
          for (int k = 0; k < d; k++) { // A <- J^T A (rows p, q)
            double apk = a[p * d + k];
            double aqk = a[q * d + k];
            a[p * d + k] = c * apk - s * aqk;
            a[q * d + k] = s * apk + c * aqk;
          }
          for (int k = 0; k < d; k++) { // V <- V J
            double vkp = v[k * d + p];
            double vkq = v[k * d + q];
            v[k * d + p] = c * vkp - s * vkq;
            v[k * d + q] = s * vkp + c * vkq;
          }
        }
      }
    }
    double[] values = new double[d];
    for (int i = 0; i < d; i++) {
      values[i] = a[i * d + i];
    }
    return new SymmetricEigen(values, v);
  }
}
