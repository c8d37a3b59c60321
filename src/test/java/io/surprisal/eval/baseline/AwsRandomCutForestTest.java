package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AwsRandomCutForestTest {

  @Test
  void score_outlier_isHigherThanEveryTrainingRow() {
    SplittableRandom r = new SplittableRandom(3);
    double[][] train = new double[1000][];
    for (int i = 0; i < train.length; i++) {
      train[i] = new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
    }
    FittedBaseline forest = new AwsRandomCutForest().fit(train, 0);
    double[] scores = forest.score(train);
    double outlier = forest.score(new double[] {10, 10, -10});
    assertThat(outlier).isGreaterThan(Arrays.stream(scores).max().orElseThrow());
    assertThat(outlier).isGreaterThan(2 * Arrays.stream(scores).average().orElseThrow());
  }

  @Test
  void score_fewerRowsThanTheDefaultWarmUp_stillScores() {
    double[][] train = {{0, 0}, {1, 1}, {0, 1}, {1, 0}, {0.5, 0.5}};
    FittedBaseline forest = new AwsRandomCutForest().fit(train, 0);
    assertThat(forest.score(new double[] {20, 20})).isPositive();
  }
}
