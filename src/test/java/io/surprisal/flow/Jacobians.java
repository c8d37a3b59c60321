package io.surprisal.flow;

/** Numeric Jacobians for tests: central differences and an LU log-determinant. */
public final class Jacobians {
  private Jacobians() {}

  /** Central-difference Jacobian of a bijection at x. */
  public static double[][] numeric(Bijection f, double[] x, double h) {
    int d = f.dim();
    double[][] j = new double[d][d];
    double[] work = new double[f.workSize()];
    double[] xp = x.clone();
    double[] yp = new double[d];
    double[] ym = new double[d];
    for (int c = 0; c < d; c++) {
      xp[c] = x[c] + h;
      f.forward(xp, 0, yp, 0, work);
      xp[c] = x[c] - h;
      f.forward(xp, 0, ym, 0, work);
      xp[c] = x[c];
      for (int r = 0; r < d; r++) {
        j[r][c] = (yp[r] - ym[r]) / (2 * h);
      }
    }
    return j;
  }

  /** log|det A| by LU decomposition with partial pivoting. */
  public static double logAbsDet(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    double logDet = 0;
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(m[i][k]) > Math.abs(m[p][k])) {
          p = i;
        }
      }
      double[] t = m[k];
      m[k] = m[p];
      m[p] = t;
      double pivot = m[k][k];
      logDet += Math.log(Math.abs(pivot));
      for (int i = k + 1; i < n; i++) {
        double f = m[i][k] / pivot;
        for (int j = k; j < n; j++) {
          m[i][j] -= f * m[k][j];
        }
      }
    }
    return logDet;
  }
}
