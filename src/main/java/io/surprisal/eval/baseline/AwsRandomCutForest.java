package io.surprisal.eval.baseline;

import com.amazon.randomcutforest.RandomCutForest;
import java.util.SplittableRandom;

/**
 * Random Cut Forest (Guha, Mishra, Roy and Schrijvers, "Robust Random Cut Forest Based Anomaly
 * Detection on Streams", ICML 2016), AWS's implementation ({@code randomcutforest-core}) with its
 * defaults: 50 trees of 256 sampled points each. The forest is a streaming model: it is fed every
 * training row once with {@code update}, in an order shuffled by the seed (the protocols hand rows
 * over in file order, and the forest's time decay favours the last rows it saw), then scores test
 * rows with {@code getAnomalyScore}, which does not change it. The score is about 1 for typical
 * rows and grows with the displacement an insertion would cause. The forest only scores after
 * {@code outputAfter} updates (default a quarter of the sample size); with fewer training rows than
 * that it is lowered to their number.
 */
public final class AwsRandomCutForest implements Baseline {

  @Override
  public FittedBaseline fit(double[][] train, long seed) {
    int d = Rows.width(train);
    int outputAfter = (int) (RandomCutForest.DEFAULT_OUTPUT_AFTER_FRACTION * RandomCutForest.DEFAULT_SAMPLE_SIZE);
    RandomCutForest forest = RandomCutForest.builder()
        .dimensions(d)
        .randomSeed(seed)
        .outputAfter(Math.min(outputAfter, train.length))
        .build();
    int[] order = new int[train.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    for (int i : order) {
      forest.update(train[i].clone());
    }
    return forest::getAnomalyScore;
  }
}
