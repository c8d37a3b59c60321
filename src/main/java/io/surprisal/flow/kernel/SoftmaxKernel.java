package io.surprisal.flow.kernel;

/**
 * {@code out = floor + (1 - floor k) softmax(p[off .. off+k))}: the normalised bin sizes of a spline,
 * each at least {@code floor}, summing to one. The exponentials are the dominant cost of scoring a
 * spline flow, so there is a Vector API implementation (chosen by {@link #best()} when
 * {@code jdk.incubator.vector} is present) next to the scalar one.
 */
public interface SoftmaxKernel {

  void normalise(double[] p, int off, int k, double floor, double[] out, int outOff);

  /** The Vector API kernel when available, else the scalar one. */
  static SoftmaxKernel best() {
    return Holder.BEST;
  }

  /** Lazily chosen, immutable singleton. */
  final class Holder {
    static final SoftmaxKernel BEST = choose();

    private Holder() {}

    private static SoftmaxKernel choose() {
      if (!DenseKernel.vectorized()) {
        return new ScalarSoftmaxKernel();
      }
      try {
        return (SoftmaxKernel) Class.forName("io.surprisal.flow.kernel.VectorSoftmaxKernel")
            .getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        return new ScalarSoftmaxKernel();
      }
    }
  }
}
