package io.surprisal.flow.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
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
      boolean relu, double[] scratch, int sOff) {
    // Compact the nonzero inputs and their row offsets once: a zero test inside the loops over
    // output blocks is an unpredictable branch per input and block (ReLU zeros fall at random).
    int v = sOff;
    int r = sOff + in;
    int n = 0;
    for (int i = 0; i < in; i++) {
      double xi = x[xOff + i];
      scratch[v + n] = xi;
      scratch[r + n] = i * out;
      n += xi != 0 ? 1 : 0;
    }
    int j = 0;
    for (; j + 8 * L <= out; j += 8 * L) {
      block8(scratch, v, r, n, w, b, j, y, yOff, relu);
    }
    for (; j + 4 * L <= out; j += 4 * L) {
      DoubleVector a0 = DoubleVector.fromArray(S, b, j);
      DoubleVector a1 = DoubleVector.fromArray(S, b, j + L);
      DoubleVector a2 = DoubleVector.fromArray(S, b, j + 2 * L);
      DoubleVector a3 = DoubleVector.fromArray(S, b, j + 3 * L);
      for (int q = 0; q < n; q++) {
        DoubleVector xv = DoubleVector.broadcast(S, scratch[v + q]);
        int row = (int) scratch[r + q] + j;
        a0 = DoubleVector.fromArray(S, w, row).fma(xv, a0);
        a1 = DoubleVector.fromArray(S, w, row + L).fma(xv, a1);
        a2 = DoubleVector.fromArray(S, w, row + 2 * L).fma(xv, a2);
        a3 = DoubleVector.fromArray(S, w, row + 3 * L).fma(xv, a3);
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
      for (int q = 0; q < n; q++) {
        a0 = DoubleVector.fromArray(S, w, (int) scratch[r + q] + j).fma(DoubleVector.broadcast(S, scratch[v + q]), a0);
      }
      if (relu) {
        a0 = a0.max(0.0);
      }
      a0.intoArray(y, yOff + j);
    }
    if (j < out) { // the last out - j < L outputs: the same, lanes past the end masked off
      VectorMask<Double> tail = S.indexInRange(j, out);
      DoubleVector a0 = DoubleVector.fromArray(S, b, j, tail);
      for (int q = 0; q < n; q++) {
        a0 = DoubleVector.fromArray(S, w, (int) scratch[r + q] + j, tail)
            .fma(DoubleVector.broadcast(S, scratch[v + q]), a0);
      }
      if (relu) {
        a0 = a0.max(0.0);
      }
      a0.intoArray(y, yOff + j, tail);
    }
  }

  /** Eight accumulators: enough independent fused multiply-add chains to cover their latency. */
  private static void block8(double[] s, int v, int r, int n, double[] w, double[] b, int j, double[] y, int yOff,
      boolean relu) {
    DoubleVector a0 = DoubleVector.fromArray(S, b, j);
    DoubleVector a1 = DoubleVector.fromArray(S, b, j + L);
    DoubleVector a2 = DoubleVector.fromArray(S, b, j + 2 * L);
    DoubleVector a3 = DoubleVector.fromArray(S, b, j + 3 * L);
    DoubleVector a4 = DoubleVector.fromArray(S, b, j + 4 * L);
    DoubleVector a5 = DoubleVector.fromArray(S, b, j + 5 * L);
    DoubleVector a6 = DoubleVector.fromArray(S, b, j + 6 * L);
    DoubleVector a7 = DoubleVector.fromArray(S, b, j + 7 * L);
    for (int q = 0; q < n; q++) {
      DoubleVector xv = DoubleVector.broadcast(S, s[v + q]);
      int row = (int) s[r + q] + j;
      a0 = DoubleVector.fromArray(S, w, row).fma(xv, a0);
      a1 = DoubleVector.fromArray(S, w, row + L).fma(xv, a1);
      a2 = DoubleVector.fromArray(S, w, row + 2 * L).fma(xv, a2);
      a3 = DoubleVector.fromArray(S, w, row + 3 * L).fma(xv, a3);
      a4 = DoubleVector.fromArray(S, w, row + 4 * L).fma(xv, a4);
      a5 = DoubleVector.fromArray(S, w, row + 5 * L).fma(xv, a5);
      a6 = DoubleVector.fromArray(S, w, row + 6 * L).fma(xv, a6);
      a7 = DoubleVector.fromArray(S, w, row + 7 * L).fma(xv, a7);
    }
    if (relu) {
      a0 = a0.max(0.0);
      a1 = a1.max(0.0);
      a2 = a2.max(0.0);
      a3 = a3.max(0.0);
      a4 = a4.max(0.0);
      a5 = a5.max(0.0);
      a6 = a6.max(0.0);
      a7 = a7.max(0.0);
    }
    a0.intoArray(y, yOff + j);
    a1.intoArray(y, yOff + j + L);
    a2.intoArray(y, yOff + j + 2 * L);
    a3.intoArray(y, yOff + j + 3 * L);
    a4.intoArray(y, yOff + j + 4 * L);
    a5.intoArray(y, yOff + j + 5 * L);
    a6.intoArray(y, yOff + j + 6 * L);
    a7.intoArray(y, yOff + j + 7 * L);
  }
}
