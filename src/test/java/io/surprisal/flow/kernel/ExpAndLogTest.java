package io.surprisal.flow.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class ExpAndLogTest {

  @Test
  void exp_isWithinOneUlpOfStrictMath() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      double x = (r.nextDouble() - 0.5) * 1400; // [-700, 700]
      double want = StrictMath.exp(x);
      assertThat(Math.abs(Exp.exp(x) - want)).as("exp(%s)", x).isLessThanOrEqualTo(Math.ulp(want));
    }
    for (double x : new double[] {0, -0.0, 1e-300, -1e-300, 1, -1, 0.5 * Math.log(2), -0.5 * Math.log(2)}) {
      assertThat(Math.abs(Exp.exp(x) - StrictMath.exp(x))).as("exp(%s)", x).isLessThanOrEqualTo(Math.ulp(StrictMath.exp(x)));
    }
  }

  @Test
  void exp_clampsInsteadOfOverflowingAndKeepsNaN() {
    assertThat(Exp.exp(1e6)).isEqualTo(Exp.exp(709)).isFinite();
    assertThat(Exp.exp(Double.POSITIVE_INFINITY)).isEqualTo(Exp.exp(709));
    assertThat(Exp.exp(Double.NEGATIVE_INFINITY)).isEqualTo(Exp.exp(-708)).isPositive();
    assertThat(Exp.exp(Double.NaN)).isNaN();
  }

  @Test
  void arrayForm_matchesScalarForm_bitForBit_atEveryLengthAndOffset() {
    assumeThat(Exp.vectorized()).as("the Vector API module is present").isTrue();
    SplittableRandom r = new SplittableRandom(2);
    for (int n = 0; n < 40; n++) {
      double[] a = new double[n + 3];
      for (int i = 0; i < a.length; i++) {
        a[i] = (r.nextDouble() - 0.5) * 1500; // beyond both clamps too
      }
      if (n > 1) {
        a[3 + n / 2] = Double.NaN;
      }
      double[] out = new double[n + 2];
      Exp.exp(a, 3, out, 2, n);
      for (int i = 0; i < n; i++) {
        assertThat(Double.doubleToLongBits(out[2 + i])).as("n=%d i=%d", n, i)
            .isEqualTo(Double.doubleToLongBits(Exp.exp(a[3 + i])));
      }
    }
  }

  @Test
  void vectorLog_isWithinTwoUlpsOfStrictMath() {
    assumeThat(Exp.vectorized()).as("the Vector API module is present").isTrue();
    var species = DoubleVector.SPECIES_PREFERRED;
    SplittableRandom r = new SplittableRandom(3);
    double[] x = new double[species.length()];
    double[] y = new double[species.length()];
    for (int trial = 0; trial < 20_000; trial++) {
      for (int i = 0; i < x.length; i++) {
        // log-uniform over the normal range, plus values next to 1 where cancellation bites
        x[i] = trial % 4 == 0 ? 1 + (r.nextDouble() - 0.5) * 1e-3 : Math.exp((r.nextDouble() - 0.5) * 1400);
      }
      VectorLog.log(DoubleVector.fromArray(species, x, 0)).intoArray(y, 0);
      for (int i = 0; i < x.length; i++) {
        double want = StrictMath.log(x[i]);
        assertThat(Math.abs(y[i] - want)).as("log(%s)", x[i]).isLessThanOrEqualTo(2 * Math.ulp(want) + 1e-300);
      }
    }
    double[] exact = {1, 2, 0.5, Math.E, Double.MIN_NORMAL, Double.MAX_VALUE, Math.sqrt(2), 1 / Math.sqrt(2)};
    for (double v : exact) {
      double[] one = new double[species.length()];
      java.util.Arrays.fill(one, v);
      VectorLog.log(DoubleVector.fromArray(species, one, 0)).intoArray(y, 0);
      assertThat(Math.abs(y[0] - StrictMath.log(v))).as("log(%s)", v).isLessThanOrEqualTo(2 * Math.ulp(StrictMath.log(v)) + 1e-300);
    }
  }
}
