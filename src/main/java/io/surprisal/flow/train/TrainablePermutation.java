package io.surprisal.flow.train;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.layer.Permutation;
import java.util.random.RandomGenerator;

/** Training twin of {@link Permutation}; no parameters. */
final class TrainablePermutation implements TrainableLayer {
  private final int[] perm;
  private int rows;

  TrainablePermutation(int[] perm) {
    this.perm = new Permutation(perm).indices(); // validates
  }

  @Override
  public int dim() {
    return perm.length;
  }

  @Override
  public void initialise(ParameterStore store, RandomGenerator random) {}

  @Override
  public double[] forward(double[] x, int n, double[] logDet) {
    int d = perm.length;
    double[] y = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        y[i * d + j] = x[i * d + perm[j]];
      }
    }
    rows = n;
    return y;
  }

  @Override
  public double[] backward(double[] gy, double gl) {
    int d = perm.length;
    double[] gx = new double[rows * d];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < d; j++) {
        gx[i * d + perm[j]] = gy[i * d + j];
      }
    }
    return gx;
  }

  @Override
  public Bijection export() {
    return new Permutation(perm);
  }
}
