package io.surprisal.eval.baseline;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Gaussian-mixture detector: fits a {@link GaussianMixture} with full covariances for each of 1, 2,
 * 4 and 8 components (those not above the number of rows), keeps the one with the lowest BIC
 * (Schwarz, 1978), and scores x by its negative log-density {@code -log p(x)}. Each fit starts
 * from the same seed, as scikit-learn's {@code random_state} does.
 */
public final class BicGaussianMixture implements Baseline {
  static final int[] COMPONENTS = {1, 2, 4, 8};

  @Override
  public FittedBaseline fit(double[][] train, long seed) {
    GaussianMixture best = select(train, seed);
    return new FittedBaseline() {
      @Override
      public double score(double[] row) {
        return -best.logDensity(row);
      }

      @Override
      public double[] score(double[][] rows) {
        return IntStream.range(0, rows.length).parallel().mapToDouble(i -> score(rows[i])).toArray();
      }
    };
  }

  /** The mixture of lowest BIC on {@code train}; the fewer components on a tie. */
  static GaussianMixture select(double[][] train, long seed) {
    Rows.width(train);
    GaussianMixture best = null;
    double bestBic = Double.POSITIVE_INFINITY;
    for (int k : COMPONENTS) {
      if (k > train.length) {
        break;
      }
      GaussianMixture mixture = GaussianMixture.fit(train, k, new SplittableRandom(seed));
      double bic = mixture.bic(train);
      if (best == null || bic < bestBic) {
        best = mixture;
        bestBic = bic;
      }
    }
    return best;
  }
}
