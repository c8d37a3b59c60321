package io.surprisal.flow.layer;

/**
 * A monotonic map of one coordinate, {@code y = T(x; theta)}, whose parameters theta come from a
 * conditioner (a coupling network or a masked autoregressive network).
 *
 * <p>Coupling and autoregressive layers decide only <em>what conditions what</em>; this interface is
 * the other half, so a neural spline flow is an autoregressive or coupling layer with a
 * {@link RationalQuadraticSpline} in place of a {@link BoundedAffine}. Parameters are raw
 * (unconstrained) network outputs; each implementation maps them to a valid monotonic transform.
 * Implementations are immutable; scratch comes from the caller.
 */
public interface ElementwiseTransform {

  /** Number of raw parameters per coordinate. */
  int paramCount();

  /** Raw parameters for which T is the identity map (conditioner output biases start here). */
  double[] identityParams();

  /** Scratch doubles needed by the methods below, used from {@code work[workOff]} on. */
  default int workSize() {
    return 0;
  }

  /**
   * Writes {@code y[yi] = T(x[xi]; p[off .. off+paramCount))} and returns {@code log|dT/dx|}.
   */
  double forward(double[] x, int xi, double[] y, int yi, double[] p, int off, double[] work, int workOff);

  /** Scratch doubles needed by {@link #forwardAll} for {@code count} coordinates. */
  default int workSize(int count) {
    return workSize();
  }

  /**
   * The scoring path: {@link #forward} of {@code count} consecutive coordinates whose parameters lie
   * one after another from {@code p[off]}, returning the sum of their {@code log|dT/dx|}. This
   * default gives the same bits as calling {@link #forward} per coordinate; implementations that
   * batch the work agree with it to rounding. May overwrite the parameters (they are a
   * conditioner's output, recomputed for every row).
   */
  default double forwardAll(double[] x, int xOff, double[] y, int yOff, int count, double[] p, int off,
      double[] work, int workOff) {
    int m = paramCount();
    double logDet = 0;
    for (int i = 0; i < count; i++) {
      logDet += forward(x, xOff + i, y, yOff + i, p, off + i * m, work, workOff);
    }
    return logDet;
  }

  /** Writes {@code x[xi] = T^-1(y[yi]; p[off ..))}. */
  void inverse(double[] y, int yi, double[] x, int xi, double[] p, int off, double[] work, int workOff);

  /**
   * Backpropagates through {@code (y, log|dT/dx|) = T(x; theta)}: given {@code gy = dL/dy} and
   * {@code gl = dL/dlog|dT/dx|}, adds {@code dL/dtheta} into {@code g[gOff ..)} and returns
   * {@code dL/dx}. Used by training only.
   */
  double backward(double x, double[] p, int off, double gy, double gl, double[] g, int gOff, double[] work,
      int workOff);
}
