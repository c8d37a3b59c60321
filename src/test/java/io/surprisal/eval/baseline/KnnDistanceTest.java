package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KnnDistanceTest {
  private static final double[][] LINE = {{0}, {1}, {2}, {3}, {4}, {5}, {20}};

  @Test
  void score_isTheMeanDistanceToTheFiveNearestTrainingRows() {
    FittedBaseline knn = new KnnDistance().fit(LINE, 0);
    // 2.5: neighbours 2, 3, 1, 4, 0 at 0.5, 0.5, 1.5, 1.5, 2.5
    assertThat(knn.score(new double[] {2.5})).isCloseTo(6.5 / 5, within(1e-12));
    // 10: neighbours 5, 4, 3, 2, 1 at 5, 6, 7, 8, 9 (20 at 10 is the sixth)
    assertThat(knn.score(new double[] {10})).isCloseTo(35.0 / 5, within(1e-12));
  }

  @Test
  void score_trainingRow_countsItselfAtDistanceZero() {
    // 20 is a training row: 0 to itself, then 15, 16, 17, 18
    assertThat(new KnnDistance().fit(LINE, 0).score(new double[] {20})).isCloseTo(66.0 / 5, within(1e-12));
  }

  @Test
  void score_fewerRowsThanK_averagesOverAllRows() {
    FittedBaseline knn = new KnnDistance().fit(new double[][] {{0}, {2}}, 0);
    assertThat(knn.score(new double[] {1})).isEqualTo(1.0);
  }
}
