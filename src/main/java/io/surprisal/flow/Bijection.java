package io.surprisal.flow;

/**
 * An invertible map f: R^d -> R^d with a tractable log-absolute-determinant of its Jacobian.
 *
 * <p>Direction convention (as in zuko and nflows): {@link #forward} maps data towards the base
 * distribution, so a flow's density is {@code log p(x) = log N(f(x)) + log|det df/dx|}, and
 * {@link #inverse} maps base samples back to data for sampling.
 *
 * <p>Implementations are immutable and thread-safe: all temporary storage comes from the caller's
 * {@code work} array (at least {@link #workSize()} long), so scoring allocates nothing per event.
 * Input and output rows must not overlap.
 */
public interface Bijection {

  /** Dimension d of the space the bijection acts on. */
  int dim();

  /** Number of scratch doubles that {@link #forward} and {@link #inverse} need in {@code work}. */
  default int workSize() {
    return 0;
  }

  /**
   * Computes {@code y = f(x)} for the row {@code x[xOff .. xOff+d)} into {@code y[yOff .. yOff+d)}.
   *
   * @return {@code log|det df/dx|} at x
   */
  double forward(double[] x, int xOff, double[] y, int yOff, double[] work);

  /** Computes {@code x = f^-1(y)} for one row. */
  void inverse(double[] y, int yOff, double[] x, int xOff, double[] work);

  /**
   * Batched forward over {@code n} rows stored row-major; writes {@code log|det|} of each row into
   * {@code logDet} (added to what is there, so a composition can accumulate).
   */
  default void forward(double[] xs, double[] ys, double[] logDet, int n, double[] work) {
    int d = dim();
    for (int i = 0; i < n; i++) {
      logDet[i] += forward(xs, i * d, ys, i * d, work);
    }
  }

  /** Batched inverse over {@code n} rows stored row-major. */
  default void inverse(double[] ys, double[] xs, int n, double[] work) {
    int d = dim();
    for (int i = 0; i < n; i++) {
      inverse(ys, i * d, xs, i * d, work);
    }
  }
}
