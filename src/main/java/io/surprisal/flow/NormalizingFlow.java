package io.surprisal.flow;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A standard-normal base distribution pushed through a composition of bijections.
 *
 * <p>{@code log p(x) = log N(f_L(...f_1(x))) + sum_l log|det J_{f_l}(x_{l-1})|}. The composition
 * inverts by walking its list backwards. Immutable and thread-safe; all scratch space comes from a
 * caller-owned {@link Workspace}, so evaluating a density allocates nothing.
 */
public final class NormalizingFlow {
  private final int dim;
  private final List<Bijection> layers;
  private final int layerWork;

  public NormalizingFlow(int dim, List<? extends Bijection> layers) {
    if (dim < 1) {
      throw new IllegalArgumentException("flow dimension must be >= 1, got " + dim);
    }
    this.dim = dim;
    this.layers = List.copyOf(layers);
    int work = 0;
    for (Bijection b : this.layers) {
      Objects.requireNonNull(b, "layer");
      if (b.dim() != dim) {
        throw new IllegalArgumentException(
            "layer " + b.getClass().getSimpleName() + " has dimension " + b.dim() + ", flow has " + dim);
      }
      work = Math.max(work, b.workSize());
    }
    this.layerWork = work;
  }

  public int dim() {
    return dim;
  }

  public List<Bijection> layers() {
    return layers;
  }

  /** Allocates the scratch space one thread needs to evaluate or sample this flow. */
  public Workspace newWorkspace() {
    return new Workspace(dim, layerWork);
  }

  /** {@code log p(x)} for the row {@code x[off .. off+d)}. */
  public double logDensity(double[] x, int off, Workspace ws) {
    double logDet = forward(x, off, ws);
    return StandardNormal.logDensity(ws.result, 0, dim) + logDet;
  }

  /**
   * Maps x to the base space. The image is left in {@link Workspace#result()}; returns the summed
   * log|det J|.
   */
  public double forward(double[] x, int off, Workspace ws) {
    double[] a = ws.a;
    double[] b = ws.b;
    System.arraycopy(x, off, a, 0, dim);
    double logDet = 0;
    for (Bijection layer : layers) {
      logDet += layer.forward(a, 0, b, 0, ws.scratch);
      double[] t = a;
      a = b;
      b = t;
    }
    ws.result = a;
    return logDet;
  }

  /** Maps a base point z back to data space, {@code x = f^-1(z)}, writing x into {@code x[xOff..)}. */
  public void inverse(double[] z, int zOff, double[] x, int xOff, Workspace ws) {
    double[] a = ws.a;
    double[] b = ws.b;
    System.arraycopy(z, zOff, a, 0, dim);
    for (int l = layers.size() - 1; l >= 0; l--) {
      layers.get(l).inverse(a, 0, b, 0, ws.scratch);
      double[] t = a;
      a = b;
      b = t;
    }
    System.arraycopy(a, 0, x, xOff, dim);
  }

  /** Draws one sample into {@code x[off .. off+d)}. */
  public void sample(RandomGenerator random, double[] x, int off, Workspace ws) {
    StandardNormal.sample(random, ws.z, 0, dim);
    inverse(ws.z, 0, x, off, ws);
  }

  /** Per-thread scratch space for one flow. Not thread-safe; cheap to keep in a ThreadLocal. */
  public static final class Workspace {
    private final double[] a;
    private final double[] b;
    private final double[] z;
    private final double[] scratch;
    private double[] result;

    Workspace(int dim, int layerWork) {
      this.a = new double[dim];
      this.b = new double[dim];
      this.z = new double[dim];
      this.scratch = new double[layerWork];
      this.result = a;
    }

    /** The base-space image written by the last {@link NormalizingFlow#forward} call. */
    public double[] result() {
      return result;
    }
  }
}
