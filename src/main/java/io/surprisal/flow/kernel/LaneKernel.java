package io.surprisal.flow.kernel;

/**
 * An elementwise transform of many coordinates at once, one coordinate per Vector API lane: the
 * fast half of {@code ElementwiseTransform#forwardAll} for splines and bounded affine maps.
 *
 * <p>Why: one coordinate at a time, a spline's bin search, two softmax normalisations, two softplus
 * derivatives and a handful of divisions form a long dependent chain with an unpredictable branch,
 * about 60 ns per coordinate, more than the conditioner network that produced its parameters; an
 * affine map's {@code tanh} and {@code exp} likewise cost more than its masked autoregressive
 * network. Lanes run those chains side by side, with blends instead of branches and an exponential
 * ({@link Exp}) and logarithm ({@link VectorLog}) built from exactly rounded operations, so results
 * do not depend on when the JIT compiles this code.
 */
public interface LaneKernel {

  /** Scratch doubles needed for {@code count} coordinates. */
  int scratchSize(int count);

  /**
   * Transforms {@code count} coordinates and returns the sum of their {@code log dy/dx}.
   *
   * @param p   raw parameters of the transform, one coordinate's after another from {@code p[off]}
   *            (not modified)
   * @param s   scratch from {@code s[sOff]}, {@link #scratchSize(int)} doubles
   */
  double forwardAll(double[] xs, int xOff, double[] ys, int yOff, int count, double[] p, int off, double[] s,
      int sOff);

  /**
   * Rational-quadratic splines with {@code 3K-1} parameters per coordinate, or null when
   * {@code jdk.incubator.vector} is absent.
   */
  static LaneKernel spline(int bins, double bound, double minBin, double minDerivative) {
    return VectorApi.load(LaneKernel.class, "VectorSplineKernel",
        new Class<?>[] {int.class, double.class, double.class, double.class}, bins, bound, minBin, minDerivative);
  }

  /**
   * Bounded affine maps {@code y = x e^s + t}, {@code s = B tanh(r / B)}, parameters {@code (t, r)}
   * per coordinate, or null when {@code jdk.incubator.vector} is absent.
   */
  static LaneKernel affine(double bound) {
    return VectorApi.load(LaneKernel.class, "VectorAffineKernel", new Class<?>[] {double.class}, bound);
  }
}
