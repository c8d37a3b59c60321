package io.surprisal.flow.layer;

/**
 * Affine map {@code y = x * exp(s) + t} with a soft-bounded log-scale {@code s = B tanh(r / B)}.
 *
 * <p>Raw parameters are {@code (t, r)}. Bounding the log-scale to {@code (-B, B)} keeps affine
 * coupling (RealNVP, Dinh et al. 2017) and masked autoregressive flows (MAF, Papamakarios et al.
 * 2017) from blowing up on outliers while staying smooth; {@code log|dT/dx| = s}.
 */
public final class BoundedAffine implements ElementwiseTransform {
  private final double bound;

  public BoundedAffine(double bound) {
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException("log-scale bound must be positive and finite, got " + bound);
    }
    this.bound = bound;
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
