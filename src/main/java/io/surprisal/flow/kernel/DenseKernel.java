package io.surprisal.flow.kernel;

/**
 * One dense layer on a single row: {@code y = b + x W}, optionally followed by ReLU.
 *
 * <p>{@code W} is stored row-major as {@code in x out} (the layout ND4J trains with, so weights move
 * between trainer and kernel without transposing). Two implementations exist: one on the Vector API
 * ({@code jdk.incubator.vector}) and a scalar fallback used when that module is not in the boot
 * layer. {@link #best()} picks once per JVM.
 */
public interface DenseKernel {

  /**
   * Writes {@code y[yOff + j] = b[j] + sum_i x[xOff + i] * w[i * out + j]} for {@code j < out}, then
   * applies {@code max(0, .)} when {@code relu} is set. {@code scratch[sOff .. sOff + 2 in)} is free
   * for the kernel's use.
   */
  void apply(double[] x, int xOff, int in, double[] w, double[] b, int out, double[] y, int yOff, boolean relu,
      double[] scratch, int sOff);

  /** The Vector API kernel when {@code jdk.incubator.vector} is available, else the scalar one. */
  static DenseKernel best() {
    return Holder.BEST;
  }

  /** Whether {@link #best()} is the Vector API kernel. */
  static boolean vectorized() {
    return !(Holder.BEST instanceof ScalarDenseKernel);
  }

  /** Lazily chosen, immutable singleton. */
  final class Holder {
    static final DenseKernel BEST = choose();

    private Holder() {}

    private static DenseKernel choose() {
      DenseKernel vector = VectorApi.load(DenseKernel.class, "VectorDenseKernel", new Class<?>[0]);
      return vector != null ? vector : new ScalarDenseKernel();
    }
  }
}
