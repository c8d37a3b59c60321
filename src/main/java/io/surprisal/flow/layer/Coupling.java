package io.surprisal.flow.layer;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.kernel.Mlp;

/**
 * Coupling layer (Dinh, Sohl-Dickstein and Bengio, "Density estimation using Real NVP", 2017):
 * the first {@code split} coordinates pass through unchanged and condition an elementwise transform
 * of the others, {@code y_B = T(x_B; net(x_A))}, so {@code log|det J| = sum_{i in B} log|T'(x_i)|}.
 *
 * <p>With a {@link BoundedAffine} transform this is RealNVP; with a {@link RationalQuadraticSpline}
 * it is the coupling neural spline flow. Which coordinates fall in A is decided by the
 * {@link Permutation} layers placed between couplings. Work layout: conditioner output, then the
 * conditioner's scratch, then the transform's scratch.
 */
public final class Coupling implements Bijection {
  private final int dim;
  private final int split;
  private final Mlp conditioner;
  private final ElementwiseTransform transform;
  private final int paramCount;
  private final int netWork;
  private final int transformWork;

  public Coupling(int dim, int split, Mlp conditioner, ElementwiseTransform transform) {
    if (split < 0 || split >= dim) {
      throw new IllegalArgumentException("coupling split must be in [0, " + dim + "), got " + split);
    }
    if (conditioner.inputSize() != split || conditioner.outputSize() != (dim - split) * transform.paramCount()) {
      throw new IllegalArgumentException("conditioner maps " + conditioner.inputSize() + " -> "
          + conditioner.outputSize() + ", coupling needs " + split + " -> " + (dim - split) * transform.paramCount());
    }
    this.dim = dim;
    this.split = split;
    this.conditioner = conditioner;
    this.transform = transform;
    this.paramCount = transform.paramCount();
    this.netWork = conditioner.outputSize();
    this.transformWork = netWork + conditioner.workSize();
  }

  public int split() {
    return split;
  }

  public Mlp conditioner() {
    return conditioner;
  }

  public ElementwiseTransform transform() {
    return transform;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public int workSize() {
    return transformWork + transform.workSize(dim - split);
  }

  @Override
  public double forward(double[] x, int xOff, double[] y, int yOff, double[] work) {
    System.arraycopy(x, xOff, y, yOff, split);
    conditioner.apply(x, xOff, work, 0, work, netWork);
    return transform.forwardAll(x, xOff + split, y, yOff + split, dim - split, work, 0, work, transformWork);
  }

  @Override
  public void inverse(double[] y, int yOff, double[] x, int xOff, double[] work) {
    System.arraycopy(y, yOff, x, xOff, split);
    conditioner.apply(y, yOff, work, 0, work, netWork);
    for (int i = split; i < dim; i++) {
      transform.inverse(y, yOff + i, x, xOff + i, work, (i - split) * paramCount, work, transformWork);
    }
  }
}
