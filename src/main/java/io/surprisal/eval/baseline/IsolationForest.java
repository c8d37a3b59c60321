package io.surprisal.eval.baseline;

import java.util.SplittableRandom;

/**
 * Isolation Forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008): each tree splits a random
 * subsample of psi rows on a random feature at a uniform random value between the feature's minimum
 * and maximum, up to the height limit ceil(log2 psi). Anomalies are isolated in few splits: the
 * score is {@code s(x) = 2^(-E[h(x)] / c(psi))}, where h(x) is the path length of x in one tree
 * (plus c(size) at a leaf that still holds several rows) and c(n) the average path length of an
 * unsuccessful binary-search-tree lookup among n rows. s is near 1 for anomalies, at most about 0.5
 * for normal rows. As in scikit-learn: 100 trees, psi = min(256, rows), subsamples drawn without
 * replacement.
 */
public final class IsolationForest implements Baseline {
  static final int TREES = 100;
  static final int SUBSAMPLE = 256;
  private static final double EULER_GAMMA = 0.5772156649015329;

  @Override
  public FittedBaseline fit(double[][] train, long seed) {
    Rows.width(train);
    int psi = Math.min(SUBSAMPLE, train.length);
    int heightLimit = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
    SplittableRandom random = new SplittableRandom(seed);
    int[] all = new int[train.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    IsolationTree[] trees = new IsolationTree[TREES];
    for (int t = 0; t < TREES; t++) {
      // partial Fisher-Yates: the first psi entries of `all` become a sample without replacement
      for (int i = 0; i < psi; i++) {
        int j = i + random.nextInt(all.length - i);
        int swap = all[i];
        all[i] = all[j];
        all[j] = swap;
      }
      double[][] sample = new double[psi][];
      for (int i = 0; i < psi; i++) {
        sample[i] = train[all[i]];
      }
      trees[t] = IsolationTree.grow(sample, heightLimit, random.split());
    }
    double norm = averagePathLength(psi);
    return row -> {
      double sum = 0;
      for (IsolationTree tree : trees) {
        sum += tree.pathLength(row);
      }
      return Math.pow(2, -sum / TREES / norm);
    };
  }

  /**
   * c(n) = 2 H(n - 1) - 2 (n - 1) / n with H(i) approximated by ln(i) + Euler's constant: the
   * average path length of an unsuccessful search in a binary search tree of n keys, which
   * normalises path lengths (and adjusts a leaf holding n rows). c(1) = 0, c(2) = 1.
   */
  static double averagePathLength(int n) {
    if (n <= 1) {
      return 0;
    }
    if (n == 2) {
      return 1;
    }
    return 2 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1) / n;
  }
}
