package io.surprisal.eval.baseline;

import java.util.stream.IntStream;

/**
 * Local Outlier Factor (Breunig, Kriegel, Ng and Sander, SIGMOD 2000) in novelty mode, as
 * scikit-learn's {@code LocalOutlierFactor(n_neighbors=20, novelty=True)}: with N_k(p) the k nearest
 * training rows of p and k-dist(p) the distance to the k-th of them, the reachability distance is
 * {@code reach(x, p) = max(k-dist(p), d(x, p))} and the local reachability density
 * {@code lrd(x) = 1 / (mean_{p in N_k(x)} reach(x, p) + 1e-10)}. Training rows get their k-dist
 * and lrd from their neighbours among the other training rows; a test row x is scored against the
 * training rows: {@code LOF(x) = mean_{p in N_k(x)} lrd(p) / lrd(x)}, about 1 inside a cluster of
 * even density and above 1 where x is sparser than its neighbours. k = min(20, training rows - 1).
 */
public final class LocalOutlierFactor implements Baseline {
  static final int DEFAULT_K = 20;
  /** scikit-learn's guard against an infinite density where k neighbours coincide. */
  private static final double EPSILON = 1e-10;

  private final int k;

  public LocalOutlierFactor() {
    this(DEFAULT_K);
  }

  /** @throws IllegalArgumentException if k < 1 */
  LocalOutlierFactor(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    this.k = k;
  }

  /** @throws IllegalArgumentException also if there are fewer than 2 training rows */
  @Override
  public FittedBaseline fit(double[][] train, long seed) {
    NearestNeighbours index = new NearestNeighbours(train);
    if (index.size() < 2) {
      throw new IllegalArgumentException("LOF needs at least 2 training rows, got " + index.size());
    }
    int neighbours = Math.min(k, index.size() - 1);
    NearestNeighbours.Neighbours[] own = IntStream.range(0, train.length).parallel()
        .mapToObj(i -> index.query(train[i], neighbours, i)).toArray(NearestNeighbours.Neighbours[]::new);
    double[] kDistance = new double[train.length];
    for (int i = 0; i < train.length; i++) {
      kDistance[i] = own[i].distance()[neighbours - 1];
    }
    double[] lrd = new double[train.length];
    for (int i = 0; i < train.length; i++) {
      lrd[i] = density(own[i], kDistance);
    }
    return new FittedBaseline() {
      @Override
      public double score(double[] row) {
        NearestNeighbours.Neighbours near = index.query(row, neighbours, -1);
        double sum = 0;
        for (int p : near.index()) {
          sum += lrd[p];
        }
        return sum / neighbours / density(near, kDistance);
      }

      @Override
      public double[] score(double[][] rows) {
        return IntStream.range(0, rows.length).parallel().mapToDouble(i -> score(rows[i])).toArray();
      }
    };
  }

  /** lrd of a row with these neighbours, given the training rows' k-distances. */
  private static double density(NearestNeighbours.Neighbours near, double[] kDistance) {
    int[] index = near.index();
    double[] distance = near.distance();
    double sum = 0;
    for (int j = 0; j < index.length; j++) {
      sum += Math.max(kDistance[index[j]], distance[j]);
    }
    return 1 / (sum / index.length + EPSILON);
  }
}
