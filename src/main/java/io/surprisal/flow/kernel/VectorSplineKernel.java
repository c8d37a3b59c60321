package io.surprisal.flow.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneKernel#spline} on the Vector API: lane n handles coordinate {@code i0 + n}, its parameters
 * gathered with stride {@code 3K-1}. The arithmetic is that of {@code RationalQuadraticSpline}'s
 * scalar forward pass, with the bin found by K-1 compare-and-blend steps instead of a loop that
 * breaks; results agree with it to rounding.
 */
final class VectorSplineKernel implements LaneKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private final int bins;
  private final int m;
  private final double bound;
  private final double minBin;
  private final double minDerivative;
  private final double sizeScale;
  /** Gather maps ({@link Lanes#strideMaps}) for parameters {@code 3K-1} apart. */
  private final int[][] stride;

  VectorSplineKernel(int bins, double bound, double minBin, double minDerivative) {
    this.bins = bins;
    this.m = 3 * bins - 1;
    this.bound = bound;
    this.minBin = minBin;
    this.minDerivative = minDerivative;
    this.sizeScale = 1 - minBin * bins;
    this.stride = Lanes.strideMaps(m, L);
  }

  @Override
  public int scratchSize(int count) {
    return 3 * bins * Lanes.padded(count, L);
  }

  /*
   * Four passes, each a small method whose vectors stay inside it: a method as large as all of
   * them together exceeds C2's inlining budget, and vectors handed to a call that is not inlined are
   * boxed on the heap, which made this slower than the scalar loop. Scratch layout, parameter-major
   * (entry j of coordinate i at j * padded + i): K widths, K heights, K-1 interior derivatives, and
   * the slopes.
   */
  @Override
  public double forwardAll(double[] xs, int xOff, double[] ys, int yOff, int count, double[] p, int off,
      double[] s, int sOff) {
    int padded = Lanes.padded(count, L);
    int widths = sOff;
    int heights = widths + bins * padded;
    int derivatives = heights + bins * padded;
    int slopes = derivatives + (bins - 1) * padded;
    normaliseAll(p, off, count, s, widths, padded);
    normaliseAll(p, off + bins, count, s, heights, padded);
    softplusAll(p, off, count, s, derivatives, padded);
    splineAll(xs, xOff, ys, yOff, count, s, widths, heights, derivatives, slopes, padded);
    java.util.Arrays.fill(s, slopes + count, slopes + padded, 1.0); // lanes past count: log 1 = 0
    return sumOfLogs(s, slopes, count);
  }

  /**
   * Softmax with a minimum size of K logits per coordinate, written parameter-major: the largest
   * logit is subtracted first (no overflow), the exponentials parked in the output, then scaled.
   */
  private void normaliseAll(double[] p, int off, int count, double[] s, int out, int padded) {
    DoubleVector scale = DoubleVector.broadcast(S, sizeScale);
    DoubleVector min = DoubleVector.broadcast(S, minBin);
    for (int i0 = 0; i0 < count; i0 += L) {
      int[] map = stride[Math.min(L, count - i0)];
      int base = off + i0 * m;
      DoubleVector max = DoubleVector.fromArray(S, p, base, map, 0);
      for (int j = 1; j < bins; j++) {
        max = max.max(DoubleVector.fromArray(S, p, base + j, map, 0));
      }
      DoubleVector sum = DoubleVector.zero(S);
      for (int j = 0; j < bins; j++) {
        DoubleVector ej = VectorExp.exp(DoubleVector.fromArray(S, p, base + j, map, 0).sub(max));
        ej.intoArray(s, out + j * padded + i0);
        sum = sum.add(ej);
      }
      DoubleVector factor = scale.div(sum);
      for (int j = 0; j < bins; j++) {
        int at = out + j * padded + i0;
        DoubleVector.fromArray(S, s, at).fma(factor, min).intoArray(s, at);
      }
    }
  }

  /** The spline itself: bin search by compare and blend, then the rational quadratic and its slope. */
  private void splineAll(double[] xs, int xOff, double[] ys, int yOff, int count, double[] s, int widths,
      int heights, int derivatives, int slopes, int padded) {
    double twoB = 2 * bound;
    DoubleVector one = DoubleVector.broadcast(S, 1.0);
    for (int i0 = 0; i0 < count; i0 += L) {
      VectorMask<Double> valid = S.indexInRange(i0, count);
      DoubleVector x = DoubleVector.fromArray(S, xs, xOff + i0, valid);
      // bin k: the number of interior knots at or left of x; below* are the sizes before bin k
      DoubleVector width = DoubleVector.fromArray(S, s, widths + i0);
      DoubleVector height = DoubleVector.fromArray(S, s, heights + i0);
      DoubleVector wk = width;
      DoubleVector hk = height;
      DoubleVector cumW = DoubleVector.zero(S);
      DoubleVector cumH = cumW;
      DoubleVector below = cumW;
      DoubleVector belowH = cumW;
      DoubleVector k = cumW;
      for (int j = 0; j < bins - 1; j++) {
        cumW = cumW.add(width);
        cumH = cumH.add(height);
        VectorMask<Double> right = x.compare(VectorOperators.GE, cumW.fma(twoB, -bound));
        width = DoubleVector.fromArray(S, s, widths + (j + 1) * padded + i0);
        height = DoubleVector.fromArray(S, s, heights + (j + 1) * padded + i0);
        below = below.blend(cumW, right);
        belowH = belowH.blend(cumH, right);
        wk = wk.blend(width, right);
        hk = hk.blend(height, right);
        k = k.lanewise(VectorOperators.ADD, 1.0, right);
      }
      // derivatives at knots k and k+1, 1 at both ends
      DoubleVector dk = one;
      DoubleVector dk1 = one;
      for (int j = 1; j < bins; j++) {
        DoubleVector dj = DoubleVector.fromArray(S, s, derivatives + (j - 1) * padded + i0);
        dk = dk.blend(dj, k.compare(VectorOperators.EQ, j));
        dk1 = dk1.blend(dj, k.compare(VectorOperators.EQ, j - 1));
      }

      DoubleVector xk = below.fma(twoB, -bound);
      DoubleVector yk = belowH.fma(twoB, -bound);
      DoubleVector wAbs = wk.mul(twoB);
      DoubleVector hAbs = hk.mul(twoB);
      DoubleVector invW = one.div(wAbs);
      DoubleVector t = x.sub(xk).mul(invW).max(0.0).min(1.0);
      DoubleVector slopeBin = hAbs.mul(invW);
      DoubleVector u = one.sub(t);
      DoubleVector t1 = t.mul(u);
      DoubleVector tt = t.mul(t);
      DoubleVector invDen = one.div(dk1.add(dk).sub(slopeBin.add(slopeBin)).fma(t1, slopeBin));
      DoubleVector y = hAbs.mul(slopeBin.mul(tt).add(dk.mul(t1))).fma(invDen, yk);
      DoubleVector num = dk1.mul(tt).add(slopeBin.add(slopeBin).mul(t1)).add(dk.mul(u).mul(u));
      DoubleVector ratio = slopeBin.mul(invDen);
      DoubleVector slope = ratio.mul(ratio).mul(num);

      // identity outside [-B, B] (and for NaN)
      VectorMask<Double> inside = x.compare(VectorOperators.GT, -bound).and(x.compare(VectorOperators.LT, bound));
      x.blend(y, inside).intoArray(ys, yOff + i0, valid);
      one.blend(slope.max(Double.MIN_NORMAL), inside).intoArray(s, slopes + i0);
    }
  }

  /**
   * {@code s[out + (j-1) padded + i] = MIN + softplus(r)} for interior knot j of coordinate i. Its
   * own small method (as is {@link #sumOfLogs}) so that C2 inlines {@link VectorLog#log} into it:
   * vectors passed to a call that is not inlined are boxed on the heap.
   */
  private void softplusAll(double[] p, int off, int count, double[] s, int out, int padded) {
    for (int j = 1; j < bins; j++) {
      for (int i0 = 0; i0 < count; i0 += L) {
        int[] map = stride[Math.min(L, count - i0)];
        DoubleVector r = DoubleVector.fromArray(S, p, off + i0 * m + 2 * bins + j - 1, map, 0);
        DoubleVector er = VectorExp.exp(r);
        VectorLog.log(er.add(1.0))
            .blend(er, r.compare(VectorOperators.LT, -20.0))
            .blend(r, r.compare(VectorOperators.GT, 30.0))
            .add(minDerivative)
            .intoArray(s, out + (j - 1) * padded + i0);
      }
    }
  }

  /** Sum of the logarithms of {@code s[from .. from + count)}, added in index order. */
  private static double sumOfLogs(double[] s, int from, int count) {
    for (int i0 = 0; i0 < count; i0 += L) {
      VectorLog.log(DoubleVector.fromArray(S, s, from + i0)).intoArray(s, from + i0);
    }
    return Lanes.sum(s, from, count);
  }
}
