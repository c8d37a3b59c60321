package io.surprisal.flow.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.flow.kernel.Exp;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The batched scoring path of each transform against the one-coordinate path that training uses. */
class ForwardAllTest {

  @ParameterizedTest(name = "K={0}, vector lanes={1}")
  @CsvSource({"4, true", "8, true", "3, true", "4, false", "8, false"})
  void spline_forwardAll_agreesWithForwardPerCoordinate(int bins, boolean vectorLanes) {
    RationalQuadraticSpline spline = new RationalQuadraticSpline(bins, 3.0, vectorLanes);
    assertThat(spline.vectorLanes()).isEqualTo(vectorLanes && Exp.vectorized());
    forwardAll_agreesWithForwardPerCoordinate(spline, bins);
  }

  @ParameterizedTest(name = "bound={0}, vector lanes={1}")
  @CsvSource({"3.0, true", "0.5, true", "3.0, false"})
  void affine_forwardAll_agreesWithForwardPerCoordinate(double bound, boolean vectorLanes) {
    BoundedAffine affine = new BoundedAffine(bound, vectorLanes);
    assertThat(affine.vectorLanes()).isEqualTo(vectorLanes && Exp.vectorized());
    forwardAll_agreesWithForwardPerCoordinate(affine, 7);
  }

  private static void forwardAll_agreesWithForwardPerCoordinate(ElementwiseTransform transform, int seed) {
    int m = transform.paramCount();
    SplittableRandom r = new SplittableRandom(seed);
    double[] one = new double[transform.workSize()];
    for (int count : new int[] {1, 3, 7, 8, 9, 16, 17, 33}) {
      double[] work = new double[transform.workSize(count) + 5];
      for (int trial = 0; trial < 200; trial++) {
        double[] p = new double[2 + count * m];
        for (int i = 0; i < p.length; i++) {
          p[i] = (r.nextDouble() - 0.5) * (trial % 10 == 0 ? 80 : 6); // now and then extreme logits
        }
        double[] x = new double[1 + count];
        for (int i = 0; i < x.length; i++) {
          x[i] = r.nextGaussian() * 2.5; // about one in four beyond the bound: identity tails
        }
        if (count > 2) {
          x[2] = 3.0; // exactly on the bound
          x[3] = Double.NaN;
        }
        double[] want = new double[2 + count];
        double wantLogDet = 0;
        for (int i = 0; i < count; i++) {
          wantLogDet += transform.forward(x, 1 + i, want, 2 + i, p, 2 + i * m, one, 0);
        }
        double[] got = new double[2 + count];
        double[] params = p.clone();
        double logDet = transform.forwardAll(x, 1, got, 2, count, params, 2, work, 5);
        assertThat(logDet).as("count=%d trial=%d", count, trial)
            .isCloseTo(wantLogDet, within(1e-12 * Math.max(1, Math.abs(wantLogDet))));
        for (int i = 0; i < count; i++) {
          if (Double.isNaN(want[2 + i])) {
            assertThat(got[2 + i]).isNaN();
          } else {
            assertThat(got[2 + i]).as("count=%d i=%d", count, i)
                .isCloseTo(want[2 + i], within(1e-12 * Math.max(1, Math.abs(want[2 + i]))));
          }
        }
        assertThat(Arrays.copyOfRange(got, 0, 2)).containsExactly(0, 0); // nothing written outside
      }
    }
  }
}
