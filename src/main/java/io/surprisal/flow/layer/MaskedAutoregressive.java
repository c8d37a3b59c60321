package io.surprisal.flow.layer;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.kernel.Mlp;

/**
 * Masked autoregressive layer (Papamakarios, Pavlakou and Murray, "Masked Autoregressive Flow",
 * 2017): {@code y_i = T(x_i; net(x_{<i}))} where net is a MADE network (Germain et al. 2015) whose
 * masks make the parameters of coordinate i depend only on coordinates before i.
 *
 * <p>The density direction needs one network pass; the inverse (sampling) needs d passes, one per
 * coordinate in order. The Jacobian is triangular, so {@code log|det J| = sum_i log|T'(x_i)|}.
 * Work layout: network output, network scratch, transform scratch, and one row for the inverse.
 */
public final class MaskedAutoregressive implements Bijection {
  private final int dim;
  private final Mlp made;
  private final ElementwiseTransform transform;
  private final int paramCount;
  private final int netWork;
  private final int transformWork;
  private final int rowWork;

  public MaskedAutoregressive(int dim, Mlp made, ElementwiseTransform transform) {
    if (made.inputSize() != dim || made.outputSize() != dim * transform.paramCount()) {
      throw new IllegalArgumentException("MADE maps " + made.inputSize() + " -> " + made.outputSize()
          + ", layer needs " + dim + " -> " + dim * transform.paramCount());
    }
    this.dim = dim;
    this.made = made;
    this.transform = transform;
    this.paramCount = transform.paramCount();
    this.netWork = made.outputSize();
    this.transformWork = netWork + made.workSize();
    this.rowWork = transformWork + transform.workSize(dim);
  }

  public Mlp made() {
    return made;
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
    return rowWork + dim;
  }

  @Override
  public double forward(double[] x, int xOff, double[] y, int yOff, double[] work) {
    made.apply(x, xOff, work, 0, work, netWork);
    return transform.forwardAll(x, xOff, y, yOff, dim, work, 0, work, transformWork);
  }

  @Override
  public void inverse(double[] y, int yOff, double[] x, int xOff, double[] work) {
    // x is built coordinate by coordinate in work[rowWork ..); entries not yet known are 0 and,
    // by the masks, do not influence the parameters of the coordinate being solved.
    java.util.Arrays.fill(work, rowWork, rowWork + dim, 0.0);
    for (int i = 0; i < dim; i++) {
      made.apply(work, rowWork, work, 0, work, netWork);
      transform.inverse(y, yOff + i, work, rowWork + i, work, i * paramCount, work, transformWork);
    }
    System.arraycopy(work, rowWork, x, xOff, dim);
  }
}
