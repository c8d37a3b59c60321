package io.surprisal.flow.kernel;

/**
 * Bounded affine transforms ({@code y = x e^s + t}, {@code s = B tanh(r / B)}) of many coordinates
 * at once, one per vector lane: the Vector API half of {@code BoundedAffine#forwardAll}. One at a
 * time, each coordinate's {@code tanh} and {@code exp} cost more than the masked autoregressive
 * network that produced its parameters; in lanes both come from {@link Exp}'s exactly rounded
 * polynomial.
 */
public interface AffineKernel {

  /** Scratch doubles needed for {@code count} coordinates. */
  int scratchSize(int count);

  /**
   * Transforms {@code count} coordinates with parameters {@code (t, r)} one pair after another from
   * {@code p[off]} and returns the sum of the log-scales.
   */
  double forwardAll(double[] xs, int xOff, double[] ys, int yOff, int count, double[] p, int off, double[] s,
      int sOff);

  /** The Vector API kernel for this bound, or null when {@code jdk.incubator.vector} is absent. */
  static AffineKernel create(double bound) {
    return VectorApi.load(AffineKernel.class, "VectorAffineKernel", new Class<?>[] {double.class}, bound);
  }
}
