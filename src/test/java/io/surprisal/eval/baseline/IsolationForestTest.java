package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsolationForestTest {

  @Test
  void averagePathLength_knownValues() {
    // c(256) = 2 (ln 255 + 0.5772156649) - 2 * 255 / 256
    assertThat(IsolationForest.averagePathLength(256)).isCloseTo(10.244770, within(1e-6));
    assertThat(IsolationForest.averagePathLength(2)).isEqualTo(1.0);
    assertThat(IsolationForest.averagePathLength(1)).isEqualTo(0.0);
  }

  @Test
  void score_isolatedPoint_isAboveSixTenthsAndInliersBelowOneHalf() {
    SplittableRandom r = new SplittableRandom(4);
    double[][] train = new double[1000][];
    for (int i = 0; i < train.length; i++) {
      train[i] = new double[] {r.nextGaussian(), r.nextGaussian()};
    }
    FittedBaseline forest = new IsolationForest().fit(train, 0);
    assertThat(forest.score(new double[] {9, -9})).isGreaterThan(0.6);
    double mean = Arrays.stream(forest.score(train)).average().orElseThrow();
    assertThat(mean).isBetween(0.35, 0.5);
  }

  @Test
  void score_identicalRows_isTheScoreOfAnUnsplittableLeaf() {
    double[][] train = new double[10][];
    Arrays.setAll(train, i -> new double[] {1, 2});
    // no tree can split: every path is c(10) long, so s = 2^(-c(10)/c(10)) = 1/2
    assertThat(new IsolationForest().fit(train, 0).score(new double[] {1, 2})).isCloseTo(0.5, within(1e-12));
  }
}
