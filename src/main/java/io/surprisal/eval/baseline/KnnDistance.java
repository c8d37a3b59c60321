package io.surprisal.eval.baseline;

import java.util.stream.IntStream;

/**
 * kNN distance detector (Ramaswamy, Rastogi and Shim, SIGMOD 2000; the "mean" variant of
 * Angiulli and Pizzuti, PKDD 2002): the score of x is the mean Euclidean distance to its k nearest
 * training rows, k = 5, as PyOD's {@code KNN(method="mean")}. A test row that is also a training
 * row (the unsup protocol's bootstrap) finds itself at distance 0, as in the reference harness.
 */
public final class KnnDistance implements Baseline {
  static final int DEFAULT_K = 5;

  private final int k;

  public KnnDistance() {
    this(DEFAULT_K);
  }

  /** @throws IllegalArgumentException if k < 1 */
  KnnDistance(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    this.k = k;
  }

  @Override
  public FittedBaseline fit(double[][] train, long seed) {
    NearestNeighbours index = new NearestNeighbours(train);
    int neighbours = Math.min(k, index.size());
    return new FittedBaseline() {
      @Override
      public double score(double[] row) {
        double sum = 0;
        for (double distance : index.query(row, neighbours, -1).distance()) {
          sum += distance;
        }
        return sum / neighbours;
      }

      @Override
      public double[] score(double[][] rows) {
        return IntStream.range(0, rows.length).parallel().mapToDouble(i -> score(rows[i])).toArray();
      }
    };
  }
}
