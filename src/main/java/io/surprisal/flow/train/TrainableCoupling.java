package io.surprisal.flow.train;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.layer.Coupling;
import io.surprisal.flow.layer.ElementwiseTransform;
import java.util.random.RandomGenerator;

/** Training twin of {@link Coupling}: an ND4J conditioner network and a batched elementwise transform. */
final class TrainableCoupling implements TrainableLayer {
  private final int dim;
  private final int split;
  private final ElementwiseTransform transform;
  private final TrainableMlp net;
  private final double[] work;
  private double[] x;
  private double[] params;
  private int rows;

  TrainableCoupling(int dim, int split, int[] hidden, ElementwiseTransform transform, ParameterStore.Builder builder) {
    this.dim = dim;
    this.split = split;
    this.transform = transform;
    int p = transform.paramCount();
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = split;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = (dim - split) * p;
    this.net = new TrainableMlp(sizes, null, tile(transform.identityParams(), dim - split), builder);
    this.work = new double[transform.workSize()];
  }

  static double[] tile(double[] unit, int times) {
    double[] out = new double[unit.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(unit, 0, out, i * unit.length, unit.length);
    }
    return out;
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
    int m = dim - split;
    int p = transform.paramCount();
    double[] theta = net.forward(Arrays2D.columns(in, n, dim, 0, split), n);
    double[] y = in.clone();
    for (int i = 0; i < n; i++) {
      double ld = 0;
      for (int j = split; j < dim; j++) {
        int k = i * dim + j;
        ld += transform.forward(in, k, y, k, theta, (i * m + j - split) * p, work, 0);
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
    int m = dim - split;
    int p = transform.paramCount();
    double[] gTheta = new double[rows * m * p];
    double[] gx = new double[rows * dim];
    for (int i = 0; i < rows; i++) {
      for (int j = split; j < dim; j++) {
        int k = i * dim + j;
        int off = (i * m + j - split) * p;
        gx[k] = transform.backward(x[k], params, off, gy[k], gl, gTheta, off, work, 0);
      }
    }
    double[] gA = net.backward(gTheta);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < split; j++) {
        gx[i * dim + j] = gy[i * dim + j] + gA[i * split + j];
      }
    }
    return gx;
  }

  @Override
  public Bijection export() {
    return new Coupling(dim, split, net.export(), transform);
  }
}
