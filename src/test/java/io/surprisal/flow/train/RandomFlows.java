package io.surprisal.flow.train;

import io.surprisal.flow.FlowSpec;
import java.util.SplittableRandom;

/** Random (non-identity) flows for tests: a fresh flow is the identity, so every parameter is perturbed. */
final class RandomFlows {
  private RandomFlows() {}

  static TrainableFlow create(FlowSpec spec, int dim, long seed, double scale) {
    TrainableFlow flow = TrainableFlow.create(spec, dim, seed);
    SplittableRandom r = new SplittableRandom(seed + 17);
    double[] p = flow.snapshot();
    for (int i = 0; i < p.length; i++) {
      p[i] += scale * (2 * r.nextDouble() - 1);
    }
    flow.restore(p); // re-applies MADE masks
    return flow;
  }

  static double[] randomRows(int n, int d, long seed, double scale) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = scale * r.nextGaussian();
    }
    return x;
  }
}
