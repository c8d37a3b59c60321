package io.surprisal.eval.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One tree of an {@link IsolationForest}, stored as parallel arrays (node 0 is the root). An inner
 * node sends x left when {@code x[feature] <= threshold}; a leaf remembers how many rows reached it.
 */
final class IsolationTree {
  private final int[] feature; // -1 at a leaf
  private final double[] threshold;
  private final int[] left;
  private final int[] right;
  private final int[] size; // rows that reached a leaf
  private int nodes;

  private IsolationTree(int capacity) {
    feature = new int[capacity];
    threshold = new double[capacity];
    left = new int[capacity];
    right = new int[capacity];
    size = new int[capacity];
  }

  /** Grows a tree on {@code sample} (at least one row) down to {@code heightLimit}. */
  static IsolationTree grow(double[][] sample, int heightLimit, SplittableRandom random) {
    IsolationTree tree = new IsolationTree(2 * sample.length - 1);
    tree.grow(sample.clone(), 0, sample.length, 0, heightLimit, random);
    return tree;
  }

  /** Grows the node for {@code rows[from, to)}; returns its index. */
  private int grow(double[][] rows, int from, int to, int depth, int heightLimit, SplittableRandom random) {
    int node = nodes++;
    feature[node] = -1;
    size[node] = to - from;
    if (depth >= heightLimit || to - from <= 1) {
      return node;
    }
    // Draw features without replacement until one is not constant here (as scikit-learn's random
    // splitter does); if all are constant, the rows cannot be separated: a leaf.
    int d = rows[from].length;
    int[] order = new int[d];
    Arrays.setAll(order, i -> i);
    for (int tried = 0; tried < d; tried++) {
      int pick = tried + random.nextInt(d - tried);
      int f = order[pick];
      order[pick] = order[tried];
      order[tried] = f;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        min = Math.min(min, rows[i][f]);
        max = Math.max(max, rows[i][f]);
      }
      if (min < max) {
        double t = min + random.nextDouble() * (max - min); // in [min, max): both sides non-empty
        int mid = partition(rows, from, to, f, t);
        feature[node] = f;
        threshold[node] = t;
        left[node] = grow(rows, from, mid, depth + 1, heightLimit, random);
        right[node] = grow(rows, mid, to, depth + 1, heightLimit, random);
        return node;
      }
    }
    return node;
  }

  /** Moves the rows with {@code row[f] <= t} to the front of {@code [from, to)}; returns where they end. */
  private static int partition(double[][] rows, int from, int to, int f, double t) {
    int mid = from;
    for (int i = from; i < to; i++) {
      if (rows[i][f] <= t) {
        double[] swap = rows[mid];
        rows[mid++] = rows[i];
        rows[i] = swap;
      }
    }
    return mid;
  }

  /** h(x): the edges from the root to x's leaf, plus c(size) for the rows the leaf did not separate. */
  double pathLength(double[] x) {
    int node = 0;
    int depth = 0;
    while (feature[node] >= 0) {
      node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
      depth++;
    }
    return depth + IsolationForest.averagePathLength(size[node]);
  }
}
