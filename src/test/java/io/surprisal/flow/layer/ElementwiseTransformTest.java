package io.surprisal.flow.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ElementwiseTransformTest {

  static List<ElementwiseTransform> transforms() {
    return List.of(new BoundedAffine(3.0), new RationalQuadraticSpline(8, 3.0), new RationalQuadraticSpline(3, 1.5));
  }

  private static double[] randomParams(ElementwiseTransform t, SplittableRandom r, double scale) {
    double[] p = new double[t.paramCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = scale * (2 * r.nextDouble() - 1);
    }
    return p;
  }

  @ParameterizedTest
  @MethodSource("transforms")
  void inverse_undoesForward(ElementwiseTransform t) {
    SplittableRandom r = new SplittableRandom(1);
    double[] work = new double[t.workSize()];
    for (int trial = 0; trial < 2000; trial++) {
      double[] p = randomParams(t, r, 3);
      double[] x = {(2 * r.nextDouble() - 1) * 5};
      double[] y = new double[1];
      double[] back = new double[1];
      t.forward(x, 0, y, 0, p, 0, work, 0);
      t.inverse(y, 0, back, 0, p, 0, work, 0);
      assertThat(back[0]).as("x=%s", x[0]).isCloseTo(x[0], within(1e-9));
    }
  }

  @ParameterizedTest
  @MethodSource("transforms")
  void logAbsDet_matchesFiniteDifference(ElementwiseTransform t) {
    SplittableRandom r = new SplittableRandom(2);
    double[] work = new double[t.workSize()];
    double h = 1e-6;
    for (int trial = 0; trial < 500; trial++) {
      double[] p = randomParams(t, r, 2);
      double x0 = (2 * r.nextDouble() - 1) * 4;
      double[] y = new double[1];
      double ld = t.forward(new double[] {x0}, 0, y, 0, p, 0, work, 0);
      double[] yp = new double[1];
      double[] ym = new double[1];
      t.forward(new double[] {x0 + h}, 0, yp, 0, p, 0, work, 0);
      t.forward(new double[] {x0 - h}, 0, ym, 0, p, 0, work, 0);
      double numeric = Math.log((yp[0] - ym[0]) / (2 * h));
      assertThat(ld).as("x=%s", x0).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
    }
  }

  @ParameterizedTest
  @MethodSource("transforms")
  void backward_matchesFiniteDifferences(ElementwiseTransform t) {
    SplittableRandom r = new SplittableRandom(3);
    double[] work = new double[t.workSize()];
    double h = 1e-6;
    for (int trial = 0; trial < 300; trial++) {
      double[] p = randomParams(t, r, 2);
      double x0 = (2 * r.nextDouble() - 1) * 3.5;
      double gy = r.nextDouble() - 0.5;
      double gl = r.nextDouble() - 0.5;
      double[] g = new double[p.length];
      double gx = t.backward(x0, p, 0, gy, gl, g, 0, work, 0);
      // L = gy * y + gl * logdet
      double numX = (loss(t, x0 + h, p, gy, gl, work) - loss(t, x0 - h, p, gy, gl, work)) / (2 * h);
      assertThat(gx).as("dL/dx at x=%s", x0).isCloseTo(numX, within(1e-5 * Math.max(1, Math.abs(numX))));
      for (int k = 0; k < p.length; k++) {
        double keep = p[k];
        p[k] = keep + h;
        double lp = loss(t, x0, p, gy, gl, work);
        p[k] = keep - h;
        double lm = loss(t, x0, p, gy, gl, work);
        p[k] = keep;
        double num = (lp - lm) / (2 * h);
        assertThat(g[k]).as("dL/dtheta_%s at x=%s", k, x0).isCloseTo(num, within(1e-5 * Math.max(1, Math.abs(num))));
      }
    }
  }

  private static double loss(ElementwiseTransform t, double x, double[] p, double gy, double gl, double[] work) {
    double[] y = new double[1];
    double ld = t.forward(new double[] {x}, 0, y, 0, p, 0, work, 0);
    return gy * y[0] + gl * ld;
  }

  @ParameterizedTest
  @MethodSource("transforms")
  void identityParams_giveIdentity(ElementwiseTransform t) {
    double[] p = t.identityParams();
    double[] work = new double[t.workSize()];
    for (double x = -5; x <= 5; x += 0.37) {
      double[] y = new double[1];
      double ld = t.forward(new double[] {x}, 0, y, 0, p, 0, work, 0);
      assertThat(y[0]).isCloseTo(x, within(1e-9));
      assertThat(ld).isCloseTo(0, within(1e-9));
    }
  }
}
