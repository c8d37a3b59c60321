package io.surprisal.flow.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Natural logarithm of positive normal doubles, lane by lane, from exactly rounded operations only
 * (so the same bits interpreted and compiled): {@code v = 2^k m} with {@code m} in
 * {@code [sqrt(1/2), sqrt(2))} from the bits, {@code log m = 2 atanh(s)} with
 * {@code s = (m-1)/(m+1)}, {@code |s| < 0.172}, by its series to {@code s^25} (truncation below
 * 1e-18), plus {@code k ln 2} in two parts. Within a few ulps. Subnormal and non-positive inputs
 * are outside its domain; callers clamp.
 */
final class VectorLog {
  private static final double SQRT2 = 1.4142135623730951;
  private static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
  private static final long ONE_BITS = 0x3FF0000000000000L;

  private VectorLog() {}

  static DoubleVector log(DoubleVector v) {
    LongVector bits = (LongVector) v.reinterpretAsLongs();
    LongVector k = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
    DoubleVector m = bits.and(MANTISSA).or(ONE_BITS).reinterpretAsDoubles();
    VectorMask<Double> big = m.compare(VectorOperators.GT, SQRT2);
    m = m.blend(m.mul(0.5), big);
    DoubleVector kd = ((DoubleVector) k.convert(VectorOperators.L2D, 0)).lanewise(VectorOperators.ADD, 1.0, big);
    DoubleVector f = m.sub(1.0);
    DoubleVector s = f.div(f.add(2.0));
    DoubleVector z = s.mul(s);
    DoubleVector poly = DoubleVector.broadcast(v.species(), 1.0 / 25);
    for (int n = 23; n >= 3; n -= 2) {
      poly = poly.fma(z, DoubleVector.broadcast(v.species(), 1.0 / n));
    }
    DoubleVector twoS = s.add(s);
    DoubleVector logM = twoS.fma(z.mul(poly), twoS);
    return kd.fma(DoubleVector.broadcast(v.species(), Exp.LN2_HI), kd.fma(DoubleVector.broadcast(v.species(),
        Exp.LN2_LO), logM));
  }
}
