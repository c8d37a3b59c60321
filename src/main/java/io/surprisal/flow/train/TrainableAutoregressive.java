package io.surprisal.flow.train;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.layer.ElementwiseTransform;
import io.surprisal.flow.layer.MaskedAutoregressive;
import java.util.random.RandomGenerator;

/** Training twin of {@link MaskedAutoregressive}: an ND4J MADE network and a batched elementwise transform. */
final class TrainableAutoregressive implements TrainableLayer {
  private final int dim;
  private final ElementwiseTransform transform;
  private final TrainableMlp net;
  private final double[] work;
  private double[] x;
  private double[] params;
  private int rows;

  TrainableAutoregressive(int dim, int[] hidden, ElementwiseTransform transform, ParameterStore.Builder builder) {
    this.dim = dim;
    this.transform = transform;
    int p = transform.paramCount();
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = dim;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = dim * p;
    this.net = new TrainableMlp(sizes, MadeMasks.build(dim, hidden, p),
        TrainableCoupling.tile(transform.identityParams(), dim), builder);
    this.work = new double[transform.workSize()];
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public void initialise(ParameterStore store, RandomGenerator random) {
    net.initialise(store, random);
  }

  @Override
  public double[] forward(double[] in, int n, double[] logDet) {
    int p = transform.paramCount();
    double[] theta = net.forward(in, n);
    double[] y = new double[n * dim];
    for (int i = 0; i < n; i++) {
      double ld = 0;
      for (int j = 0; j < dim; j++) {
        int k = i * dim + j;
        ld += transform.forward(in, k, y, k, theta, k * p, work, 0);
      }
      logDet[i] += ld;
    }
    this.x = in;
    this.params = theta;
    this.rows = n;
    return y;
  }

  @Override
  public double[] backward(double[] gy, double gl) {
    int p = transform.paramCount();
    double[] gTheta = new double[rows * dim * p];
    double[] gx = new double[rows * dim];
    for (int k = 0; k < rows * dim; k++) {
      gx[k] = transform.backward(x[k], params, k * p, gy[k], gl, gTheta, k * p, work, 0);
    }
    double[] gNet = net.backward(gTheta);
    for (int k = 0; k < rows * dim; k++) {
      gx[k] += gNet[k];
    }
    return gx;
  }

  @Override
  public void enforceConstraints() {
    net.applyMasks();
  }

  @Override
  public Bijection export() {
    return new MaskedAutoregressive(dim, net.export(), transform);
  }
}
