package io.surprisal.flow.train;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.layer.ActNorm;
import java.util.random.RandomGenerator;

/** Training twin of {@link ActNorm}, with data-dependent initialisation to zero mean, unit variance. */
final class TrainableActNorm implements TrainableLayer {
  private static final double MAX_LOG_SCALE = 10;
  private final int dim;
  private final ParameterStore.Slot logScaleSlot;
  private final ParameterStore.Slot shiftSlot;
  private ParameterStore store;
  private double[] x;
  private int rows;

  TrainableActNorm(int dim, ParameterStore.Builder builder) {
    this.dim = dim;
    this.logScaleSlot = builder.reserve(1, dim);
    this.shiftSlot = builder.reserve(1, dim);
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public void initialise(ParameterStore store, RandomGenerator random) {
    this.store = store;
  }

  @Override
  public void initialiseFromData(double[] data, int n) {
    double[] logScale = new double[dim];
    double[] shift = new double[dim];
    for (int j = 0; j < dim; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += data[i * dim + j];
      }
      mean /= n;
      double var = 0;
      for (int i = 0; i < n; i++) {
        double v = data[i * dim + j] - mean;
        var += v * v;
      }
      double std = Math.sqrt(var / Math.max(1, n - 1));
      logScale[j] = Math.min(MAX_LOG_SCALE, -Math.log(std + 1e-6));
      shift[j] = -mean * Math.exp(logScale[j]);
    }
    store.param(logScaleSlot).assign(Arrays2D.matrix(logScale, 1, dim));
    store.param(shiftSlot).assign(Arrays2D.matrix(shift, 1, dim));
  }

  @Override
  public double[] forward(double[] in, int n, double[] logDet) {
    double[] a = Arrays2D.rowMajor(store.param(logScaleSlot));
    double[] b = Arrays2D.rowMajor(store.param(shiftSlot));
    double sum = 0;
    double[] scale = new double[dim];
    for (int j = 0; j < dim; j++) {
      scale[j] = Math.exp(a[j]);
      sum += a[j];
    }
    double[] y = new double[n * dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        y[i * dim + j] = in[i * dim + j] * scale[j] + b[j];
      }
      logDet[i] += sum;
    }
    this.x = in;
    this.rows = n;
    return y;
  }

  @Override
  public double[] backward(double[] gy, double gl) {
    double[] a = Arrays2D.rowMajor(store.param(logScaleSlot));
    double[] ga = new double[dim];
    double[] gb = new double[dim];
    double[] gx = new double[rows * dim];
    for (int j = 0; j < dim; j++) {
      double s = Math.exp(a[j]);
      double sa = 0;
      double sb = 0;
      for (int i = 0; i < rows; i++) {
        int k = i * dim + j;
        gx[k] = gy[k] * s;
        sa += gy[k] * x[k] * s;
        sb += gy[k];
      }
      ga[j] = sa + rows * gl;
      gb[j] = sb;
    }
    store.grad(logScaleSlot).assign(Arrays2D.matrix(ga, 1, dim));
    store.grad(shiftSlot).assign(Arrays2D.matrix(gb, 1, dim));
    return gx;
  }

  @Override
  public Bijection export() {
    return new ActNorm(Arrays2D.rowMajor(store.param(logScaleSlot)), Arrays2D.rowMajor(store.param(shiftSlot)));
  }
}
