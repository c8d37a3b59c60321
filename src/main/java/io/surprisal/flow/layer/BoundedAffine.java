package io.surprisal.flow.layer;

import io.surprisal.flow.kernel.LaneKernel;

/**
 * Affine map {@code y = x * exp(s) + t} with a soft-bounded log-scale {@code s = B tanh(r / B)}.
 *
 * <p>Raw parameters are {@code (t, r)}. Bounding the log-scale to {@code (-B, B)} keeps affine
 * coupling (RealNVP, Dinh et al. 2017) and masked autoregressive flows (MAF, Papamakarios et al.
 * 2017) from blowing up on outliers while staying smooth; {@code log|dT/dx| = s}.
 */
public final class BoundedAffine implements ElementwiseTransform {
  private final double bound;
  /** The Vector API path of {@link #forwardAll}, or null. */
  private final LaneKernel lanes;

  public BoundedAffine(double bound) {
    this(bound, true);
  }

  /** With {@code vectorLanes} false, {@link #forwardAll} takes the path used without the Vector API. */
  BoundedAffine(double bound, boolean vectorLanes) {
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException("log-scale bound must be positive and finite, got " + bound);
    }
    this.bound = bound;
    this.lanes = vectorLanes ? LaneKernel.affine(bound) : null;
  }

  /** Whether {@link #forwardAll} runs on the Vector API. */
  boolean vectorLanes() {
    return lanes != null;
  }

  public double bound() {
    return bound;
  }

  @Override
  public int paramCount() {
    return 2;
  }

  @Override
  public double[] identityParams() {
    return new double[] {0, 0};
  }

  @Override
  public double forward(double[] x, int xi, double[] y, int yi, double[] p, int off, double[] work, int workOff) {
    double s = bound * Math.tanh(p[off + 1] / bound);
    y[yi] = x[xi] * Math.exp(s) + p[off];
    return s;
  }

  @Override
  public int workSize(int count) {
    return lanes == null ? 0 : lanes.scratchSize(count);
  }

  /** One coordinate per vector lane ({@link LaneKernel}) when available; agrees with {@link #forward} to rounding. */
  @Override
  public double forwardAll(double[] xs, int xOff, double[] ys, int yOff, int count, double[] p, int off,
      double[] work, int workOff) {
    return lanes == null ? ElementwiseTransform.super.forwardAll(xs, xOff, ys, yOff, count, p, off, work, workOff)
        : lanes.forwardAll(xs, xOff, ys, yOff, count, p, off, work, workOff);
  }

  @Override
  public void inverse(double[] y, int yi, double[] x, int xi, double[] p, int off, double[] work, int workOff) {
    double s = bound * Math.tanh(p[off + 1] / bound);
    x[xi] = (y[yi] - p[off]) * Math.exp(-s);
  }

  @Override
  public double backward(double x, double[] p, int off, double gy, double gl, double[] g, int gOff, double[] work,
      int workOff) {
    double th = Math.tanh(p[off + 1] / bound);
    double es = Math.exp(bound * th);
    double gs = gy * x * es + gl;
    g[gOff] += gy;
    g[gOff + 1] += gs * (1 - th * th);
    return gy * es;
  }
}
