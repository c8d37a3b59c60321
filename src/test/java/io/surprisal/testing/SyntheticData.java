package io.surprisal.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Small synthetic data sets with known structure, stored row-major as the fitter takes them. */
public final class SyntheticData {
  private SyntheticData() {}

  /**
   * Two interleaved half circles (scikit-learn's {@code make_moons}): the upper moon
   * {@code (cos t, sin t)} and the lower one {@code (1 - cos t, 0.5 - sin t)}, {@code t ~ U(0, pi)},
   * each point picked with probability 1/2 and blurred by isotropic Gaussian noise.
   */
  public static double[] twoMoons(int n, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double t = Math.PI * random.nextDouble();
      boolean upper = random.nextBoolean();
      out[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + noise * random.nextGaussian();
      out[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * random.nextGaussian();
    }
    return out;
  }

  /**
   * One-dimensional two-component mixture {@code w N(-mu, s^2) + (1 - w) N(mu, s^2)}.
   */
  public static double[] bimodal(int n, double w, double mu, double s, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = (random.nextDouble() < w ? -mu : mu) + s * random.nextGaussian();
    }
    return out;
  }

  /** Log-density of {@link #bimodal} at x. */
  public static double bimodalLogDensity(double x, double w, double mu, double s) {
    double c = 1 / (s * Math.sqrt(2 * Math.PI));
    double a = (x + mu) / s;
    double b = (x - mu) / s;
    return Math.log(w * c * Math.exp(-0.5 * a * a) + (1 - w) * c * Math.exp(-0.5 * b * b));
  }

  /** Feature names {@code x0 .. x(d-1)}. */
  public static List<String> names(int d) {
    List<String> out = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      out.add("x" + j);
    }
    return out;
  }

  /** Row i of row-major data with d columns (a copy). */
  public static double[] row(double[] rows, int i, int d) {
    return Arrays.copyOfRange(rows, i * d, (i + 1) * d);
  }
}
