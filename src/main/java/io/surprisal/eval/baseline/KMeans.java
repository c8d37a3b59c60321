package io.surprisal.eval.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means clustering (Lloyd's iterations) from a k-means++ start (Arthur and Vassilvitskii, SODA
 * 2007: each next centre drawn with probability proportional to the squared distance to the nearest
 * centre so far; greedy, as scikit-learn: the best of 2 + ln k such draws). It only starts {@link GaussianMixture}'s EM, as scikit-learn's
 * {@code init_params="kmeans"} does, so it stops after {@value #MAX_ITERATIONS} iterations or when
 * no row changes cluster.
 */
final class KMeans {
  static final int MAX_ITERATIONS = 300;

  private KMeans() {}

  /**
   * @param rows at least k rows
   * @return the cluster of each row, 0 to k - 1
   */
  static int[] cluster(double[][] rows, int k, SplittableRandom random) {
    int n = rows.length;
    int d = rows[0].length;
    double[][] centres = initialCentres(rows, k, random);
    int[] label = new int[n];
    Arrays.fill(label, -1);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int nearest = nearest(rows[i], centres);
        changed |= nearest != label[i];
        label[i] = nearest;
      }
      if (!changed) {
        break;
      }
      double[][] sum = new double[k][d];
      int[] count = new int[k];
      for (int i = 0; i < n; i++) {
        count[label[i]]++;
        for (int c = 0; c < d; c++) {
          sum[label[i]][c] += rows[i][c];
        }
      }
      for (int j = 0; j < k; j++) {
        if (count[j] > 0) { // an emptied cluster keeps its old centre
          for (int c = 0; c < d; c++) {
            centres[j][c] = sum[j][c] / count[j];
          }
        }
      }
    }
    return label;
  }

  private static double[][] initialCentres(double[][] rows, int k, SplittableRandom random) {
    int n = rows.length;
    int trials = 2 + (int) Math.log(k);
    double[][] centres = new double[k][];
    centres[0] = rows[random.nextInt(n)].clone();
    double[] nearest = new double[n];
    for (int i = 0; i < n; i++) {
      nearest[i] = squaredDistance(rows[i], centres[0]);
    }
    for (int j = 1; j < k; j++) {
      // greedy k-means++: of `trials` candidates drawn by D^2 weighting, keep the one that leaves
      // the smallest total squared distance (scikit-learn's variant)
      double[] best = null;
      int bestRow = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int candidate = draw(nearest, random);
        double[] next = new double[n];
        double potential = 0;
        for (int i = 0; i < n; i++) {
          next[i] = Math.min(nearest[i], squaredDistance(rows[i], rows[candidate]));
          potential += next[i];
        }
        if (potential < bestPotential) {
          bestPotential = potential;
          best = next;
          bestRow = candidate;
        }
      }
      centres[j] = rows[bestRow].clone();
      nearest = best;
    }
    return centres;
  }

  /** A row drawn with probability proportional to its squared distance to the nearest centre. */
  private static int draw(double[] nearest, SplittableRandom random) {
    double total = 0;
    for (double v : nearest) {
      total += v;
    }
    if (!(total > 0)) {
      return random.nextInt(nearest.length); // all rows coincide with a centre: any row will do
    }
    double target = random.nextDouble() * total;
    int pick = -1;
    for (int i = 0; i < nearest.length; i++) {
      if (nearest[i] > 0) {
        pick = i; // the last candidate, should rounding leave target >= 0 to the end
        target -= nearest[i];
        if (target < 0) {
          break;
        }
      }
    }
    return pick;
  }

  private static int nearest(double[] row, double[][] centres) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int j = 0; j < centres.length; j++) {
      double s = squaredDistance(row, centres[j]);
      if (s < bestDistance) {
        bestDistance = s;
        best = j;
      }
    }
    return best;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int c = 0; c < a.length; c++) {
      double diff = a[c] - b[c];
      s += diff * diff;
    }
    return s;
  }
}
