package io.surprisal.eval.baseline;

import java.util.Arrays;

/**
 * Exact k-nearest-neighbour search by brute force over the training rows (Euclidean distance).
 * kNN and LOF need it for every test row; tree indexes gain little on tens of standardised,
 * partly one-hot features, so this scans all rows with a tight loop instead: rows are one
 * row-major array, the squared distance is summed in four independent accumulators (which the
 * JIT pipelines), and a row is abandoned as soon as its partial sum exceeds the current k-th best.
 * The best k are kept in a sorted array (insertion), so most rows cost one comparison after that.
 * Ties go to the lower row index. Instances are immutable and safe to query from several threads.
 */
final class NearestNeighbours {
  private static final int BLOCK = 8;

  private final double[] rows;
  private final int n;
  private final int d;

  NearestNeighbours(double[][] train) {
    d = Rows.width(train);
    n = train.length;
    rows = Rows.flatten(train, d);
  }

  int size() {
    return n;
  }

  /** The k nearest rows: row indices and their distances, nearest first. */
  record Neighbours(int[] index, double[] distance) {}

  /**
   * @param query a row of the training rows' length
   * @param k how many neighbours, 1 to the number of training rows (less one if a row is excluded)
   * @param exclude a training row index to skip (the query itself), or -1
   */
  Neighbours query(double[] query, int k, int exclude) {
    int available = exclude >= 0 ? n - 1 : n;
    if (k < 1 || k > available) {
      throw new IllegalArgumentException("k must be between 1 and " + available + ", got " + k);
    }
    int[] index = new int[k];
    double[] best = new double[k]; // squared distances, ascending
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    for (int j = 0; j < n; j++) {
      if (j == exclude) {
        continue;
      }
      double s = squaredDistance(query, j * d, best[k - 1]);
      if (s < best[k - 1]) {
        int at = k - 1;
        while (at > 0 && best[at - 1] > s) {
          best[at] = best[at - 1];
          index[at] = index[at - 1];
          at--;
        }
        best[at] = s;
        index[at] = j;
      }
    }
    for (int i = 0; i < k; i++) {
      best[i] = Math.sqrt(best[i]);
    }
    return new Neighbours(index, best);
  }

  /** The squared distance of q to the row at {@code offset}, or some value above {@code bound} once it exceeds it. */
  private double squaredDistance(double[] q, int offset, double bound) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int c = 0;
    while (c + BLOCK <= d) {
      for (int end = c + BLOCK; c < end; c += 4) {
        double a = q[c] - rows[offset + c];
        double b = q[c + 1] - rows[offset + c + 1];
        double e = q[c + 2] - rows[offset + c + 2];
        double f = q[c + 3] - rows[offset + c + 3];
        s0 += a * a;
        s1 += b * b;
        s2 += e * e;
        s3 += f * f;
      }
      if (s0 + s1 + s2 + s3 > bound) {
        return Double.POSITIVE_INFINITY;
      }
    }
    for (; c < d; c++) {
      double a = q[c] - rows[offset + c];
      s0 += a * a;
    }
    return s0 + s1 + s2 + s3;
  }
}
