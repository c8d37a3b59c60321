package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalibrationTest {

  /**
   * NLLs of normal events under a perfect flow with a d-dimensional standard normal base, less the
   * constant: |z|^2 / 2, a Gamma(d/2, 1) (d even: a sum of d/2 standard exponentials).
   */
  private static double[] chiSquareHalf(int d, int n, SplittableRandom r) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d / 2; j++) {
        s[i] -= Math.log(1 - r.nextDouble());
      }
    }
    return s;
  }

  /** P(Gamma(d/2, 1) > x) for even d: exp(-x) sum_{j < d/2} x^j / j!. */
  private static double survival(int d, double x) {
    double term = 1;
    double sum = 1;
    for (int j = 1; j < d / 2; j++) {
      term *= x / j;
      sum += term;
    }
    return Math.exp(-x) * sum;
  }

  /** The Gamma(d/2, 1) quantile with survival p, by bisection. */
  private static double quantile(int d, double p) {
    double lo = 0;
    double hi = 1000;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (survival(d, mid) > p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  @Test
  void pValue_withTooFewScoresForATail_isTheConformalFormulaDownToOneOverNPlusOne() {
    Calibration c = new Calibration(new double[] {5, 1, 3, 2, 4});
    assertThat(c.tail()).isEmpty();
    assertThat(c.pValue(0.5)).isEqualTo(6.0 / 6);
    assertThat(c.pValue(3)).isEqualTo(4.0 / 6); // scores 3, 4, 5 are >= 3
    assertThat(c.pValue(3.5)).isEqualTo(3.0 / 6);
    assertThat(c.pValue(5)).isEqualTo(2.0 / 6);
    assertThat(c.pValue(7)).isEqualTo(1.0 / 6);
    assertThat(c.pValue(Double.NaN)).isEqualTo(1.0 / 6);
    assertThat(c.threshold(0.001)).as("no event can alert").isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void pValue_belowTheTailStart_isConformalAndAboveItFollowsTheTail() {
    Calibration c = new Calibration(ScoreTailTest.exponential(2000, 3));
    double[] s = c.scores();
    ScoreTail tail = c.tail().orElseThrow();
    int below = 1000;
    assertThat(s[below]).isLessThan(tail.start());
    long atOrAbove = Arrays.stream(s).filter(v -> v >= s[below]).count() - c.outliers();
    assertThat(c.pValue(s[below])).isEqualTo((1.0 + atOrAbove) / (2000 - c.outliers() + 1));

    double justAbove = Math.nextUp(tail.start());
    assertThat(c.pValue(justAbove)).isCloseTo(tail.share(), within(1e-12));
    assertThat(c.pValue(tail.start())).as("no step up at the start").isGreaterThan(c.pValue(justAbove));
    assertThat(c.pValue(s[1999] + 1)).isEqualTo(tail.survival(s[1999] + 1)).isLessThan(1.0 / 2001);
  }

  @Test
  void threshold_agreesWithPValue_insideAndBeyondTheCalibrationRange() {
    Calibration c = new Calibration(ScoreTailTest.exponential(500, 2));
    for (double alpha : new double[] {0.5, 0.2, 0.05, 0.01, 0.002, 0.001, 1e-5}) {
      double t = c.threshold(alpha);
      assertThat(c.pValue(t)).as("alpha %s", alpha).isLessThanOrEqualTo(alpha * (1 + 1e-9));
      assertThat(c.pValue(Math.nextDown(t) - 1e-9)).as("alpha %s", alpha).isGreaterThan(alpha);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 8, 32})
  void threshold_cleanScores_holdsTheFalseAlarmRateWithinTwiceAlpha(int d) {
    // 3000 calibration scores of a d-dimensional normal; the rate is exact (the Gamma survival at the
    // threshold), averaged over 20 calibration draws
    for (double alpha : new double[] {0.01, 0.001}) {
      double rate = 0;
      int draws = 20;
      for (int seed = 0; seed < draws; seed++) {
        Calibration c = new Calibration(chiSquareHalf(d, 3000, new SplittableRandom(seed)));
        rate += survival(d, c.threshold(alpha)) / draws;
      }
      assertThat(rate).as("d %d, alpha %s", d, alpha).isBetween(alpha / 4, 2 * alpha);
    }
  }

  @ParameterizedTest
  @CsvSource({"2, 30", "8, 30", "2, 90"})
  void threshold_aFewPercentAnomaliesAmongTheScores_staysNearTheCleanOneAndBelowThem(int d, int anomalies) {
    // 3000 scores, 1 % or 3 % of them anomalies 4 to 8 nats above the normal events' 0.999 quantile
    // (with d = 8, 3 % of them raise the threshold into them: docs/benchmarks.md)
    for (int seed = 0; seed < 10; seed++) {
      Contaminated c = contaminated(d, anomalies, 4, seed);
      assertThat(c.threshold()).as("d %d, seed %d", d, seed).isCloseTo(c.cleanThreshold(), within(1.5))
          .isLessThan(c.lowestAnomaly());
    }
  }

  @Test
  void threshold_thirtyTwoDimensionsWithOnePercentAnomalies_errsHighNotLow() {
    // Gamma(16)'s tail is lighter than the exponential fitted from the top tenth, so the threshold
    // sits above the normal 0.999 quantile, and anomalies among the censored scores raise the fitted
    // scale further (about 2 nats each, docs/benchmarks.md): false alarms stay below alpha, and
    // anomalies 8 to 12 nats above the normal quantile still alert
    double rate = 0;
    for (int seed = 0; seed < 10; seed++) {
      Contaminated c = contaminated(32, 30, 8, seed);
      assertThat(c.threshold()).as("seed %d", seed).isGreaterThanOrEqualTo(c.cleanThreshold() - 0.5)
          .isLessThan(c.lowestAnomaly());
      rate += survival(32, c.threshold()) / 10;
    }
    assertThat(rate).isLessThan(0.001);
  }

  private record Contaminated(double cleanThreshold, double threshold, double lowestAnomaly) {}

  /** Thresholds at alpha 0.001 of 3000 Gamma(d/2) scores, and of the same with some replaced by anomalies. */
  private static Contaminated contaminated(int d, int anomalies, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] clean = chiSquareHalf(d, 3000, r);
    double[] scores = clean.clone();
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < anomalies; i++) {
      scores[i] = quantile(d, 0.001) + shift + 4 * r.nextDouble();
      lowest = Math.min(lowest, scores[i]);
    }
    return new Contaminated(new Calibration(clean).threshold(0.001), new Calibration(scores).threshold(0.001),
        lowest);
  }

  @Test
  void threshold_farAnomaliesAmongFewScores_areOutliersAndDoNotRaiseIt() {
    // the trainer's first model at its defaults has about 90 calibration scores
    double[] clean = ScoreTailTest.exponential(90, 5);
    double[] contaminated = clean.clone();
    contaminated[0] = 40;
    contaminated[1] = 60;

    Calibration c = new Calibration(contaminated);

    assertThat(c.outliers()).isEqualTo(2);
    assertThat(c.threshold(0.001)).isLessThan(40)
        .isEqualTo(new Calibration(Arrays.copyOfRange(clean, 2, 90)).threshold(0.001));
    assertThat(c.smallestConformalPValue()).isEqualTo(1.0 / 89);
  }

  @Test
  void falseAlarmRate_belowOneOverNPlusOne_matchesAlphaOnAverage() {
    // alpha = 0.0002 is below 1/(n+1) for n = 1000: only the tail model can reach it. Averaged over
    // calibration draws (a single draw's tail varies), the false-alarm rate is near alpha.
    double alpha = 0.0002;
    double rate = 0;
    int draws = 40;
    for (int seed = 0; seed < draws; seed++) {
      Calibration c = new Calibration(ScoreTailTest.exponential(1000, seed));
      rate += Math.exp(-(c.threshold(alpha) - 10)) / draws; // P(10 + Exp(1) >= threshold)
    }
    assertThat(rate).isBetween(alpha / 2, alpha * 2);
  }
}
