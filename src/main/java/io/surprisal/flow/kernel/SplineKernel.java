package io.surprisal.flow.kernel;

/**
 * Rational-quadratic spline coupling transforms of many coordinates at once, one coordinate per
 * vector lane: the Vector API half of {@code RationalQuadraticSpline#forwardAll}.
 *
 * <p>Why: one coordinate at a time, a spline's bin search, two softmax normalisations, two softplus
 * derivatives and a handful of divisions form a long dependent chain with an unpredictable branch,
 * about 60 ns per coordinate, more than the conditioner network that produced its parameters. Lanes
 * run those chains side by side, with blends instead of branches and an exponential ({@link Exp})
 * and logarithm ({@link VectorLog}) built from exactly rounded operations, so results do not
 * depend on when the JIT compiles this code.
 */
public interface SplineKernel {

  /** Scratch doubles needed for {@code count} coordinates. */
  int scratchSize(int count);

  /**
   * Transforms {@code count} coordinates and returns the sum of {@code log dy/dx}.
   *
   * @param p   raw parameters, {@code 3K-1} per coordinate from {@code p[off]} (not modified)
   * @param s   scratch from {@code s[sOff]}, {@link #scratchSize(int)} doubles
   */
  double forwardAll(double[] xs, int xOff, double[] ys, int yOff, int count, double[] p, int off, double[] s,
      int sOff);

  /** The Vector API kernel for this spline, or null when {@code jdk.incubator.vector} is absent. */
  static SplineKernel create(int bins, double bound, double minBin, double minDerivative) {
    return VectorApi.load(SplineKernel.class, "VectorSplineKernel",
        new Class<?>[] {int.class, double.class, double.class, double.class}, bins, bound, minBin, minDerivative);
  }
}
