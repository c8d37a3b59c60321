package io.surprisal.flow.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernel} on the Vector API.
 *
 * <p>Why this shape: a matrix-vector product with {@code W} stored {@code in x out} is a sum of
 * scaled rows, {@code y = b + sum_i x_i W[i,:]}. Keeping a block of four output vectors in
 * registers while streaming the rows of W turns each input into four fused multiply-adds with no
 * store of y in the inner loop, and inputs that are exactly zero (half of a ReLU layer) are skipped.
 */
final class VectorDenseKernel implements DenseKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  public void apply(double[] x, int xOff, int in, double[] w, double[] b, int out, double[] y, int yOff,
      boolean relu) {
    int j = 0;
    for (; j + 4 * L <= out; j += 4 * L) {
      DoubleVector a0 = DoubleVector.fromArray(S, b, j);
      DoubleVector a1 = DoubleVector.fromArray(S, b, j + L);
      DoubleVector a2 = DoubleVector.fromArray(S, b, j + 2 * L);
      DoubleVector a3 = DoubleVector.fromArray(S, b, j + 3 * L);
      for (int i = 0; i < in; i++) {
        double xi = x[xOff + i];
        if (xi == 0) {
          continue;
        }
        DoubleVector xv = DoubleVector.broadcast(S, xi);
        int r = i * out + j;
        a0 = DoubleVector.fromArray(S, w, r).fma(xv, a0);
        a1 = DoubleVector.fromArray(S, w, r + L).fma(xv, a1);
        a2 = DoubleVector.fromArray(S, w, r + 2 * L).fma(xv, a2);
        a3 = DoubleVector.fromArray(S, w, r + 3 * L).fma(xv, a3);
      }
      if (relu) {
        a0 = a0.max(0.0);
        a1 = a1.max(0.0);
        a2 = a2.max(0.0);
        a3 = a3.max(0.0);
      }
      a0.intoArray(y, yOff + j);
      a1.intoArray(y, yOff + j + L);
      a2.intoArray(y, yOff + j + 2 * L);
      a3.intoArray(y, yOff + j + 3 * L);
    }
    for (; j + L <= out; j += L) {
      DoubleVector a0 = DoubleVector.fromArray(S, b, j);
      for (int i = 0; i < in; i++) {
        double xi = x[xOff + i];
        if (xi != 0) {
          a0 = DoubleVector.fromArray(S, w, i * out + j).fma(DoubleVector.broadcast(S, xi), a0);
        }
      }
      if (relu) {
        a0 = a0.max(0.0);
      }
      a0.intoArray(y, yOff + j);
    }
    for (; j < out; j++) {
      double acc = b[j];
      for (int i = 0; i < in; i++) {
        acc += x[xOff + i] * w[i * out + j];
      }
      y[yOff + j] = relu && !(acc > 0) ? 0 : acc;
    }
  }
}
