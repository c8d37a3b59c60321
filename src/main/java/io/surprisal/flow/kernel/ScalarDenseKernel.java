package io.surprisal.flow.kernel;

/** Plain-Java {@link DenseKernel}: the fallback when the Vector API module is absent. */
public final class ScalarDenseKernel implements DenseKernel {

  @Override
  public void apply(double[] x, int xOff, int in, double[] w, double[] b, int out, double[] y, int yOff,
      boolean relu, double[] scratch, int sOff) {
    System.arraycopy(b, 0, y, yOff, out);
    for (int i = 0; i < in; i++) {
      double xi = x[xOff + i];
      if (xi == 0) {
        continue; // ReLU inputs are often exactly zero
      }
      int row = i * out;
      for (int j = 0; j < out; j++) {
        y[yOff + j] += xi * w[row + j];
      }
    }
    if (relu) {
      for (int j = 0; j < out; j++) {
        if (!(y[yOff + j] > 0)) {
          y[yOff + j] = 0;
        }
      }
    }
  }
}
