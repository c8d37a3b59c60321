package io.surprisal.bench.attribution;

import io.surprisal.model.DensityModel;
import java.util.SplittableRandom;

/**
 * The attribution {@link DensityModel#explain} gave before conditional repair, kept here to compare
 * against: baseline Shapley values of the NLL against the training medians over one antithetic pair
 * of feature orderings (a random ordering and its reverse, seed {@code 0x5eed}), {@code 2 + 2 (d - 1)}
 * flow evaluations.
 */
final class BaselineShapley {
  private BaselineShapley() {}

  /** Each feature's contribution to {@code NLL(x) - NLL(reference)}. */
  static double[] contributions(DensityModel model, double[] x) {
    int d = x.length;
    double[] reference = model.reference();
    double[] phi = new double[d];
    double base = -model.logDensity(reference);
    double full = -model.logDensity(x);
    int[] order = new int[d];
    for (int j = 0; j < d; j++) {
      order[j] = j;
    }
    SplittableRandom random = new SplittableRandom(0x5eed);
    for (int i = d - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
    }
    double[] cur = new double[d];
    for (int p = 0; p < 2; p++) {
      System.arraycopy(reference, 0, cur, 0, d);
      double prev = base;
      for (int k = 0; k < d; k++) {
        int j = p == 0 ? order[k] : order[d - 1 - k];
        cur[j] = x[j];
        double v = k == d - 1 ? full : -model.logDensity(cur);
        phi[j] += v - prev;
        prev = v;
      }
    }
    for (int j = 0; j < d; j++) {
      phi[j] /= 2;
    }
    return phi;
  }

  /** The feature with the largest contribution (the first of equals). */
  static int top(DensityModel model, double[] x) {
    double[] phi = contributions(model, x);
    int best = 0;
    for (int j = 1; j < phi.length; j++) {
      if (phi[j] > phi[best]) {
        best = j;
      }
    }
    return best;
  }
}
