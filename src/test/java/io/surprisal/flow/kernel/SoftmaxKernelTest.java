package io.surprisal.flow.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxKernelTest {

  @Test
  void best_agreesWithScalar_forEveryBinCount() {
    SoftmaxKernel best = SoftmaxKernel.best();
    SoftmaxKernel scalar = new ScalarSoftmaxKernel();
    SplittableRandom r = new SplittableRandom(1);
    for (int k = 2; k <= 20; k++) {
      for (int trial = 0; trial < 200; trial++) {
        double[] p = new double[k + 3];
        for (int i = 0; i < p.length; i++) {
          p[i] = 20 * (r.nextDouble() - 0.5);
        }
        double[] a = new double[k + 2];
        double[] b = new double[k + 2];
        best.normalise(p, 2, k, 1e-3, a, 1);
        scalar.normalise(p, 2, k, 1e-3, b, 1);
        double sum = 0;
        for (int j = 1; j <= k; j++) {
          assertThat(a[j]).isCloseTo(b[j], within(1e-12));
          assertThat(a[j]).isGreaterThanOrEqualTo(1e-3);
          sum += a[j];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(a[0]).as("writes nothing before the output").isZero();
        assertThat(a[k + 1]).as("writes nothing past the output").isZero();
      }
    }
  }
}
