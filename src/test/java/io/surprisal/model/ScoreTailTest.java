package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoreTailTest {

  /** n scores 10 + Exp(1), ascending. */
  static double[] exponential(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = 10 - Math.log(1 - r.nextDouble());
    }
    Arrays.sort(s);
    return s;
  }

  private static double[] zeroTo99() {
    return IntStream.range(0, 100).asDoubleStream().toArray();
  }

  @Test
  void fit_hundredScores_startsThirtyFromTheTopAndCensorsTheTopThree() {
    ScoreTail tail = ScoreTail.fit(zeroTo99()).orElseThrow();

    // k = 30 scores above the start 69; m = 3 censored at 96; r = 27 observed excesses 1..27
    assertThat(tail.start()).isEqualTo(69);
    assertThat(tail.share()).isEqualTo(31.0 / 101);
    assertThat(tail.excesses()).isEqualTo(27);
    assertThat(tail.scale()).isEqualTo((27 * 28 / 2.0 + 3 * 27) / 27);
    assertThat(tail.outliers()).isZero();
  }

  @Test
  void fit_censoredScoresMovedUpWithinTheCriterion_giveTheSameTail() {
    double[] s = zeroTo99();
    s[97] = 110;
    s[98] = 120;
    s[99] = 130;

    assertThat(ScoreTail.fit(s)).contains(ScoreTail.fit(zeroTo99()).orElseThrow());
  }

  @Test
  void fit_scoresFarOut_areOutliersAndTheRestIsFittedAlone() {
    double[] s = zeroTo99();
    s[98] = 1e6;
    s[99] = Double.POSITIVE_INFINITY;

    ScoreTail tail = ScoreTail.fit(s).orElseThrow();

    ScoreTail rest = ScoreTail.fit(Arrays.copyOf(s, 98)).orElseThrow();
    assertThat(tail.outliers()).isEqualTo(2);
    assertThat(tail.scale()).isEqualTo(rest.scale());
    assertThat(tail.start()).isEqualTo(rest.start());
    assertThat(tail.share()).isEqualTo(rest.share());
  }

  @Test
  void fit_aTenthOfTheScoresFarOut_leavesThemAllOut() {
    // more than the censored 3 %: the screening fit, censoring a tenth, finds them
    double[] s = zeroTo99();
    for (int i = 90; i < 100; i++) {
      s[i] = 1e6 + i;
    }
    ScoreTail tail = ScoreTail.fit(s).orElseThrow();

    ScoreTail rest = ScoreTail.fit(Arrays.copyOf(s, 90)).orElseThrow();
    assertThat(tail.outliers()).isEqualTo(10);
    assertThat(tail.scale()).isEqualTo(rest.scale());
    assertThat(tail.start()).isEqualTo(rest.start());
  }

  @Test
  void fit_moreThanATenthFarOut_givesAHighTailNotFalseAlarms() {
    // beyond what the screening assumes the far scores enter the scale: alerts become rarer, not wrong
    double[] s = zeroTo99();
    for (int i = 85; i < 100; i++) {
      s[i] = 1e6 + i;
    }
    ScoreTail tail = ScoreTail.fit(s).orElseThrow();
    assertThat(tail.outliers()).isLessThanOrEqualTo(10);
    assertThat(tail.quantile(0.001)).isGreaterThan(1e6);
  }

  @Test
  void fit_tooFewOrTiedScores_givesNoTail() {
    assertThat(ScoreTail.fit(Arrays.copyOf(zeroTo99(), ScoreTail.MIN_SCORES - 1))).isEmpty();
    assertThat(ScoreTail.fit(new double[100])).as("every score 0: no scale").isEmpty();
  }

  @Test
  void fit_manyExponentialScores_recoversTheScaleAndStartsAtTheTopTenth() {
    double[] s = exponential(20_000, 1);
    ScoreTail tail = ScoreTail.fit(s).orElseThrow();
    assertThat(tail.scale()).isCloseTo(1.0, within(0.06));
    assertThat(tail.start()).isCloseTo(10 + Math.log(10), within(0.1));
    assertThat(tail.share()).isCloseTo(0.1, within(1e-3));
  }

  @Test
  void survival_isTheShareAtTheStartAndQuantileInvertsIt() {
    ScoreTail tail = ScoreTail.fit(exponential(2000, 2)).orElseThrow();
    assertThat(tail.survival(tail.start())).isEqualTo(tail.share());
    assertThat(tail.survival(tail.start() - 5)).isEqualTo(tail.share());
    assertThat(tail.survival(Double.POSITIVE_INFINITY)).isZero();
    for (double p : new double[] {0.05, 1e-3, 1e-6, 1e-12}) {
      assertThat(tail.survival(tail.quantile(p))).as("p %s", p).isCloseTo(p, within(1e-9 * p));
      assertThat(tail.survival(tail.quantile(p) + 1)).isLessThan(p);
    }
  }

  @Test
  void quantile_onAverageOverCalibrationSets_hasTheFalseAlarmRateAlpha() {
    // Exponential scores: the tail model holds, and the Pareto II prediction makes the rate alpha on
    // average (Chauvenet's criterion, which leaves out a normal top score in about 40 % of the draws,
    // adds a few percent). Plugging in the estimated scale alone would give about 1.7 alpha here.
    double alpha = 1e-5;
    int draws = 2000;
    double rate = 0;
    for (int seed = 0; seed < draws; seed++) {
      double t = ScoreTail.fit(exponential(1000, seed)).orElseThrow().quantile(alpha);
      rate += Math.exp(-(t - 10)) / draws; // P(10 + Exp(1) > t)
    }
    assertThat(rate / alpha).isBetween(0.8, 1.25);
  }
}
