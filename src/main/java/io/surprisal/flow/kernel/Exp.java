package io.surprisal.flow.kernel;

/**
 * The exponential function for the scoring kernel, with the same bits whether the Vector API code
 * runs interpreted or compiled.
 *
 * <p>Why not {@link Math#exp}: the spline layers need a few exponentials per coordinate, which is
 * most of a neural spline flow's scoring time one at a time, and the Vector API's own {@code EXP}
 * gives different bits once C2 compiles it (SVML) than before, which would make training depend on
 * JIT timing. This is the textbook method written with exactly rounded operations only, so
 * {@link #exp(double)} and the Vector API form of {@link #exp(double[], int, double[], int, int)}
 * agree bit for bit:
 * {@code x = n ln2 + r} with {@code n = rint(x / ln2)} and {@code |r| <= ln2 / 2} (Cody-Waite, two
 * constants), {@code e^r} by its Taylor polynomial to degree 13 (truncation below 5e-18), and
 * {@code 2^n} built in the exponent bits. Accurate to about one ulp. Inputs are clamped to
 * {@code [-708, 709]}, so results never overflow to infinity or become subnormal ({@code e^-708}
 * stands for anything smaller); NaN stays NaN.
 */
public final class Exp {
  static final double LOG2E = 1.4426950408889634;
  static final double LN2_HI = 0.6931471805599453;
  static final double LN2_LO = 2.3190468138462996e-17;
  /** 1.5 * 2^52: adding it rounds to an integer held in the low mantissa bits. */
  static final double SHIFTER = 6755399441055744.0;
  static final double LOW = -708;
  static final double HIGH = 709;
  /** Taylor coefficients 1/k!, highest degree first. */
  static final double[] C = {
      1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
      1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0};

  private Exp() {}

  /** {@code e^x}, bit-identical to the Vector API array form (the reference its tests compare with). */
  public static double exp(double x) {
    double v = Math.min(Math.max(x, LOW), HIGH);
    double t = Math.fma(v, LOG2E, SHIFTER);
    double n = t - SHIFTER;
    double r = Math.fma(n, -LN2_HI, v);
    r = Math.fma(n, -LN2_LO, r);
    double p = C[0];
    for (int k = 1; k < C.length; k++) {
      p = Math.fma(p, r, C[k]);
    }
    return p * Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023) << 52);
  }

  /**
   * Writes {@code out[outOff + i] = e^a[aOff + i]} for {@code i < n}; {@code out} may be {@code a}.
   * Without the Vector API this is {@link Math#exp} per value (within an ulp of the above).
   */
  public static void exp(double[] a, int aOff, double[] out, int outOff, int n) {
    Holder.BEST.apply(a, aOff, out, outOff, n);
  }

  /** Whether the array form runs on the Vector API. */
  public static boolean vectorized() {
    return !(Holder.BEST instanceof Scalar);
  }

  /** Elementwise exponential over an array range. */
  interface ArrayExp {
    void apply(double[] a, int aOff, double[] out, int outOff, int n);
  }

  /** Without the Vector API: {@link Math#exp}, an intrinsic that is faster than the polynomial one value at a time. */
  static final class Scalar implements ArrayExp {
    @Override
    public void apply(double[] a, int aOff, double[] out, int outOff, int n) {
      for (int i = 0; i < n; i++) {
        out[outOff + i] = Math.exp(a[aOff + i]);
      }
    }
  }

  /** Chosen once, like {@link DenseKernel#best()}. */
  static final class Holder {
    static final ArrayExp BEST = choose();

    private Holder() {}

    private static ArrayExp choose() {
      ArrayExp vector = VectorApi.load(ArrayExp.class, "VectorExp", new Class<?>[0]);
      return vector != null ? vector : new Scalar();
    }
  }
}
