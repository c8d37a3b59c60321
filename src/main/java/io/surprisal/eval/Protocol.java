package io.surprisal.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How {@code evaluate} splits labelled rows into training and test rows. A split depends only on the
 * labels and the seed: the same seed gives the same split on every run and JDK, since {@link
 * SplittableRandom}'s algorithm is specified.
 */
public enum Protocol {
  /**
   * Semi-supervised (novelty detection): train on a random half of the normal rows, rounded down;
   * test on the other normal rows and all anomalies. Train and test are disjoint, and the model
   * never sees an anomaly. Needs at least 2 normal rows.
   */
  SEMI {
    @Override
    public Split split(boolean[] anomalous, long seed) {
      int[] normals = IntStream.range(0, anomalous.length).filter(i -> !anomalous[i]).toArray();
      if (normals.length < 2) {
        throw new TooFewRowsException("the semi protocol trains on half of the normal rows and"
            + " tests on the other half, so it needs at least 2 normal rows; the data has "
            + normals.length);
      }
      shuffle(normals, new SplittableRandom(seed));
      int half = normals.length / 2;
      int[] train = Arrays.copyOf(normals, half);
      Arrays.sort(train);
      boolean[] inTrain = new boolean[anomalous.length];
      for (int i : train) {
        inTrain[i] = true;
      }
      int[] test = IntStream.range(0, anomalous.length).filter(i -> !inTrain[i]).toArray();
      return new Split(train, test);
    }
  },

  /**
   * Unsupervised (outlier detection on contaminated data): train on a bootstrap sample, n draws with
   * replacement from all n rows, anomalies included; test on all rows. Needs at least 1 row.
   */
  UNSUP {
    @Override
    public Split split(boolean[] anomalous, long seed) {
      int n = anomalous.length;
      if (n == 0) {
        throw new TooFewRowsException("the unsup protocol needs at least 1 row; the data has 0");
      }
      SplittableRandom random = new SplittableRandom(seed);
      int[] train = new int[n];
      for (int i = 0; i < n; i++) {
        train[i] = random.nextInt(n);
      }
      Arrays.sort(train);
      return new Split(train, IntStream.range(0, n).toArray());
    }
  };

  /**
   * @param anomalous the label of each row, true for an anomaly
   * @param seed the seed of the random choice
   * @throws TooFewRowsException if there are too few rows to split
   */
  public abstract Split split(boolean[] anomalous, long seed);

  /** Fisher-Yates. */
  private static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
