package io.surprisal.flow.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneKernel#affine} on the Vector API: {@code tanh(z) = sign(z) (1 - e) / (1 + e)} with
 * {@code e = exp(-2|z|)} (no overflow), then {@code exp(s)}, both by {@link VectorExp}.
 */
final class VectorAffineKernel implements LaneKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private final double bound;
  private final int[][] pairs = Lanes.strideMaps(2, L);

  VectorAffineKernel(double bound) {
    this.bound = bound;
  }

  @Override
  public int scratchSize(int count) {
    return Lanes.padded(count, L);
  }

  @Override
  public double forwardAll(double[] xs, int xOff, double[] ys, int yOff, int count, double[] p, int off,
      double[] s, int sOff) {
    logScales(p, off, count, s, sOff);
    transform(xs, xOff, ys, yOff, count, p, off, s, sOff);
    return Lanes.sum(s, sOff, count);
  }

  /*
   * Two passes, each with one exponential, that pass their vectors through the scratch array: as one
   * method C2 stopped inlining the Vector API calls in it, and every vector went to the heap.
   */

  /** {@code s[sOff + i] = B tanh(r_i / B)}. */
  private void logScales(double[] p, int off, int count, double[] s, int sOff) {
    DoubleVector one = DoubleVector.broadcast(S, 1.0);
    for (int i0 = 0; i0 < count; i0 += L) {
      DoubleVector z = DoubleVector.fromArray(S, p, off + 2 * i0 + 1, pairs[Math.min(L, count - i0)], 0).div(bound);
      DoubleVector e = VectorExp.exp(z.abs().mul(-2.0));
      DoubleVector th = one.sub(e).div(one.add(e));
      th.blend(th.neg(), z.compare(VectorOperators.LT, 0.0)).mul(bound).intoArray(s, sOff + i0);
    }
  }

  /** {@code y_i = x_i e^{s_i} + t_i}. */
  private void transform(double[] xs, int xOff, double[] ys, int yOff, int count, double[] p, int off, double[] s,
      int sOff) {
    for (int i0 = 0; i0 < count; i0 += L) {
      VectorMask<Double> valid = S.indexInRange(i0, count);
      DoubleVector t = DoubleVector.fromArray(S, p, off + 2 * i0, pairs[Math.min(L, count - i0)], 0);
      DoubleVector scale = VectorExp.exp(DoubleVector.fromArray(S, s, sOff + i0));
      DoubleVector.fromArray(S, xs, xOff + i0, valid).fma(scale, t).intoArray(ys, yOff + i0, valid);
    }
  }
}
