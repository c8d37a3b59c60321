package io.surprisal.flow.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SoftmaxKernel} on the Vector API: the exponentials of a whole bin vector in one lanewise
 * operation (SVML-backed on x86), with a mask for the lanes past k.
 */
final class VectorSoftmaxKernel implements SoftmaxKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private final ScalarSoftmaxKernel scalar = new ScalarSoftmaxKernel();

  @Override
  public void normalise(double[] p, int off, int k, double floor, double[] out, int outOff) {
    if (k > L) {
      scalar.normalise(p, off, k, floor, out, outOff);
      return;
    }
    VectorMask<Double> m = S.indexInRange(0, k);
    DoubleVector v = DoubleVector.fromArray(S, p, off, m);
    double max = v.reduceLanes(VectorOperators.MAX, m);
    DoubleVector e = v.sub(max).lanewise(VectorOperators.EXP);
    double total = e.reduceLanes(VectorOperators.ADD, m);
    e.mul((1 - floor * k) / total).add(floor).intoArray(out, outOff, m);
  }
}
