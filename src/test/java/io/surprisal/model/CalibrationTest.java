package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static double[] exponentialScores(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = 10 - Math.log(1 - r.nextDouble()); // exponential tail with scale 1
    }
    return s;
  }

  @Test
  void pValue_insideTheCalibrationRange_isTheConformalFormula() {
    Calibration c = new Calibration(new double[] {5, 1, 3, 2, 4});
    assertThat(c.pValue(0.5)).isEqualTo(6.0 / 6);
    assertThat(c.pValue(3)).isEqualTo(4.0 / 6); // scores 3, 4, 5 are >= 3
    assertThat(c.pValue(3.5)).isEqualTo(3.0 / 6);
    assertThat(c.pValue(5)).isEqualTo(2.0 / 6);
    assertThat(c.pValue(7)).as("too few rows for a tail: floor 1/(n+1)").isEqualTo(1.0 / 6);
  }

  @Test
  void pValue_beyondTheLargestScore_decaysWithTheFittedExponentialTail() {
    double[] s = exponentialScores(2000, 1);
    Calibration c = new Calibration(s);
    double max = c.scores()[1999];
    assertThat(c.tailScale()).as("mean excess of an Exp(1) tail").isCloseTo(1.0, within(0.35));
    assertThat(c.pValue(Math.nextUp(max))).isCloseTo(1.0 / 2001, within(1e-9));
    double far = max + c.tailScale() * Math.log(10);
    assertThat(c.pValue(far)).isCloseTo(0.1 / 2001, within(1e-12));
    assertThat(c.pValue(far + 1)).isLessThan(c.pValue(far));
  }

  @Test
  void threshold_agreesWithPValue_insideAndBeyondTheCalibrationRange() {
    Calibration c = new Calibration(exponentialScores(500, 2));
    for (double alpha : new double[] {0.2, 0.05, 0.01, 0.002, 0.001, 1e-5}) {
      double t = c.threshold(alpha);
      assertThat(c.pValue(t)).as("alpha %s", alpha).isLessThanOrEqualTo(alpha * (1 + 1e-9));
      assertThat(c.pValue(Math.nextDown(t) - 1e-9)).as("alpha %s", alpha).isGreaterThan(alpha);
    }
  }

  @Test
  void falseAlarmRate_belowOneOverNPlusOne_matchesAlphaOnAverage() {
    // alpha = 0.0002 is below 1/(n+1) for n = 1000: only the tail model can reach it. Averaged over
    // calibration draws (a single draw's maximum varies a lot), the false-alarm rate is near alpha.
    double alpha = 0.0002;
    double[] fresh = exponentialScores(100_000, 99);
    double rate = 0;
    int draws = 40;
    for (int seed = 0; seed < draws; seed++) {
      Calibration c = new Calibration(exponentialScores(1000, seed));
      rate += java.util.Arrays.stream(fresh).filter(s -> c.pValue(s) <= alpha).count() / (double) fresh.length;
    }
    rate /= draws;
    assertThat(rate).isBetween(alpha / 2, alpha * 2);
  }
}
