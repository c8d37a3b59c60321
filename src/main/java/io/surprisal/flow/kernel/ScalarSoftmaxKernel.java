package io.surprisal.flow.kernel;

/** Plain-Java {@link SoftmaxKernel}. */
public final class ScalarSoftmaxKernel implements SoftmaxKernel {

  @Override
  public void normalise(double[] p, int off, int k, double floor, double[] out, int outOff) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, p[off + j]);
    }
    double total = 0;
    for (int j = 0; j < k; j++) {
      double e = Math.exp(p[off + j] - max);
      out[outOff + j] = e;
      total += e;
    }
    double scale = (1 - floor * k) / total;
    for (int j = 0; j < k; j++) {
      out[outOff + j] = floor + scale * out[outOff + j];
    }
  }
}
