package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every detector must do, run on each through {@link BaselineKind#create()} (standardised input). */
class BaselineKindTest {

  /** 300 rows of a correlated 3-D Gaussian with columns on very different scales. */
  private static double[][] inliers(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] rows = new double[300][];
    for (int i = 0; i < rows.length; i++) {
      double a = r.nextGaussian();
      double b = 0.6 * a + 0.8 * r.nextGaussian();
      rows[i] = new double[] {a, 100 * b, 0.01 * r.nextGaussian()};
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(BaselineKind.class)
  void fit_obviousOutlier_scoresAboveEveryInlier(BaselineKind kind) {
    double[][] train = inliers(1);
    double[][] test = inliers(2);
    FittedBaseline fitted = kind.create().fit(train, 7);
    double outlier = fitted.score(new double[] {6, -500, 0.06});
    double[] scores = fitted.score(test);
    assertThat(outlier).as(kind.label()).isGreaterThan(Arrays.stream(scores).max().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(BaselineKind.class)
  void fit_sameSeed_givesTheSameScores(BaselineKind kind) {
    double[][] train = inliers(3);
    double[][] test = inliers(4);
    double[] first = kind.create().fit(train, 11).score(test);
    double[] second = kind.create().fit(train, 11).score(test);
    assertThat(second).as(kind.label()).containsExactly(first);
    assertThat(first).doesNotContain(Double.NaN);
  }

  @ParameterizedTest
  @EnumSource(value = BaselineKind.class, names = {"IFOREST", "RCF"})
  void fit_randomisedDetectors_dependOnTheSeed(BaselineKind kind) {
    double[][] train = inliers(5);
    double[][] test = inliers(6);
    assertThat(kind.create().fit(train, 1).score(test)).as(kind.label())
        .isNotEqualTo(kind.create().fit(train, 2).score(test));
  }

  @ParameterizedTest
  @EnumSource(BaselineKind.class)
  void fit_constantAndDuplicateColumns_scoresFiniteValues(BaselineKind kind) {
    SplittableRandom r = new SplittableRandom(8);
    double[][] train = new double[200][];
    for (int i = 0; i < train.length; i++) {
      double onehot = r.nextInt(3) == 0 ? 1 : 0;
      train[i] = new double[] {r.nextGaussian(), 4.0, onehot, 1 - onehot, onehot};
    }
    double[] scores = kind.create().fit(train, 3).score(train);
    assertThat(Arrays.stream(scores).allMatch(Double::isFinite)).as(kind.label() + " " + Arrays.toString(scores)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(BaselineKind.class)
  void label_isTheLowerCaseName(BaselineKind kind) {
    assertThat(kind.label()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT));
  }
}
