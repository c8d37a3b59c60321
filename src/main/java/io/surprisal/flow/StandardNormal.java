package io.surprisal.flow;

import java.util.random.RandomGenerator;

/** The base distribution N(0, I_d) of every flow. */
public final class StandardNormal {
  /** log(2 pi) / 2. */
  public static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private StandardNormal() {}

  /** {@code log N(z; 0, I)} of the row {@code z[off .. off+d)}. */
  public static double logDensity(double[] z, int off, int d) {
    double sq = 0;
    for (int i = 0; i < d; i++) {
      double v = z[off + i];
      sq += v * v;
    }
    return -0.5 * sq - d * HALF_LOG_TWO_PI;
  }

  /** Fills {@code z[off .. off+d)} with independent standard normal draws. */
  public static void sample(RandomGenerator random, double[] z, int off, int d) {
    for (int i = 0; i < d; i++) {
      z[off + i] = random.nextGaussian();
    }
  }
}
