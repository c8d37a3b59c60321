package io.surprisal.flow.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Exp} on the Vector API: the same operations as {@link Exp#exp(double)} lane by lane (each
 * exactly rounded, fused multiply-adds included), so the bits match the scalar form.
 */
final class VectorExp implements Exp.ArrayExp {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  @Override
  public void apply(double[] a, int aOff, double[] out, int outOff, int n) {
    int i = 0;
    for (int upper = S.loopBound(n); i < upper; i += S.length()) {
      exp(DoubleVector.fromArray(S, a, aOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = Exp.exp(a[aOff + i]);
    }
  }

  /** {@link Exp#exp(double)} in every lane, with the same bits. */
  static DoubleVector exp(DoubleVector x) {
    VectorSpecies<Double> s = x.species();
    DoubleVector v = x.max(Exp.LOW).min(Exp.HIGH);
    DoubleVector t = v.fma(Exp.LOG2E, Exp.SHIFTER);
    DoubleVector m = t.sub(Exp.SHIFTER);
    DoubleVector r = m.fma(DoubleVector.broadcast(s, -Exp.LN2_HI), v);
    r = m.fma(DoubleVector.broadcast(s, -Exp.LN2_LO), r);
    DoubleVector p = DoubleVector.broadcast(s, Exp.C[0]);
    for (int k = 1; k < Exp.C.length; k++) {
      p = p.fma(r, DoubleVector.broadcast(s, Exp.C[k]));
    }
    DoubleVector scale = ((LongVector) t.reinterpretAsLongs()).add(1023L)
        .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    return p.mul(scale);
  }
}
