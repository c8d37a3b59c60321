package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.Jacobians;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The preprocessing is part of the density ({@code log p(x) = log p_flow(z) + log|dz/dx|}), so it
 * gets the same checks as a flow layer: it inverts, and its log-determinant is the one of its
 * Jacobian.
 */
class PreprocessingTest {

  static List<FeatureScaling> scalings() {
    return List.of(
        new FeatureScaling(FeatureType.CONTINUOUS, 3.0, 2.0, 0, 0, false),
        new FeatureScaling(FeatureType.CONTINUOUS, -1.0, 0.25, 0, 0, true),
        new FeatureScaling(FeatureType.CONTINUOUS, 1e4, 350.0, 0, 0, true),
        new FeatureScaling(FeatureType.DISCRETE, 4.5, 1.7, 1, 0, false),
        new FeatureScaling(FeatureType.DISCRETE, 20.5, 6.0, 1, 0, true));
  }

  /** Heavy-tailed values around the scaling's centre, many scales wide, both signs. */
  private static double[] values(FeatureScaling f, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = f.center() + f.scale() * Math.sinh(3 * random.nextGaussian());
    }
    return x;
  }

  @ParameterizedTest
  @MethodSource("scalings")
  void featureScalingLogDet_matchesFiniteDifferenceDerivative(FeatureScaling f) {
    double[] z = new double[1];
    for (double x : values(f, 500, 1)) {
      double h = 1e-6 * f.scale() * (1 + Math.abs(x - f.center()) / f.scale());
      double analytic = f.forward(x, 0.5, z, 0);
      f.forward(x + h, 0.5, z, 0);
      double zp = z[0];
      f.forward(x - h, 0.5, z, 0);
      double numeric = Math.log((zp - z[0]) / (2 * h));
      assertThat(analytic).as("x=%s", x).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
    }
  }

  @ParameterizedTest
  @MethodSource("scalings")
  void featureScalingInverse_undoesForward(FeatureScaling f) {
    double[] z = new double[1];
    for (double x : values(f, 2000, 2)) {
      // a discrete feature takes lattice values; the cell centre maps back to its lattice point
      double v = f.type() == FeatureType.DISCRETE ? Math.floor(x) : x;
      f.forward(v, 0.5, z, 0);
      assertThat(f.inverse(z[0])).as("x=%s", v).isCloseTo(v, within(1e-6));
    }
  }

  @Test
  void preprocessingLogDet_matchesFiniteDifferenceJacobianOfTheWholeRow() {
    Preprocessing pre = new Preprocessing(scalings());
    Bijection asMap = new RowMap(pre);
    SplittableRandom random = new SplittableRandom(3);
    double[] z = new double[pre.dim()];
    for (int trial = 0; trial < 200; trial++) {
      double[] x = new double[pre.dim()];
      for (int j = 0; j < x.length; j++) {
        FeatureScaling f = pre.features().get(j);
        x[j] = f.center() + f.scale() * 4 * random.nextGaussian();
      }
      double analytic = asMap.forward(x, 0, z, 0, null);
      double numeric = Jacobians.logAbsDet(Jacobians.numeric(asMap, x, 1e-5));
      assertThat(analytic).as("x=%s", Arrays.toString(x))
          .isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
    }
  }

  @Test
  void preprocessingInverse_undoesForward_withSymlogOnAndOff() {
    SplittableRandom random = new SplittableRandom(4);
    int n = 3000;
    int d = 3;
    double[] rows = new double[n * d];
    for (int i = 0; i < n; i++) {
      rows[i * d] = 5 + 2 * random.nextGaussian(); // light tails
      rows[i * d + 1] = Math.exp(2 * random.nextGaussian()); // log-normal: skewed, heavy right tail
      rows[i * d + 2] = -300 - 40 * Math.exp(1.5 * random.nextGaussian()); // negative, heavy left tail
    }
    for (PreprocessingFit.LogTransform log : PreprocessingFit.LogTransform.values()) {
      Preprocessing pre = new PreprocessingFit(log, PreprocessingFit.Dequantize.NEVER).fit(rows, n, d);
      boolean always = log == PreprocessingFit.LogTransform.ALWAYS;
      boolean skewed = log != PreprocessingFit.LogTransform.NEVER;
      assertThat(pre.features()).extracting(FeatureScaling::symlog).as("symlog under %s", log)
          .containsExactly(always, skewed, skewed);
      double[] z = new double[d];
      double[] back = new double[d];
      double[] tmp = new double[d];
      double worst = 0;
      for (int i = 0; i < n; i++) {
        pre.forward(rows, i * d, z, 0, null, tmp);
        pre.inverse(z, 0, random, back, 0);
        for (int j = 0; j < d; j++) {
          worst = Math.max(worst, Math.abs(back[j] - rows[i * d + j]));
        }
      }
      assertThat(worst).as("max |x - f^-1(f(x))| under %s", log).isLessThan(1e-6);
    }
  }

  /** A preprocessing without constant features is a bijection of the whole row. */
  private record RowMap(Preprocessing pre) implements Bijection {
    @Override
    public int dim() {
      return pre.dim();
    }

    @Override
    public double forward(double[] x, int xOff, double[] y, int yOff, double[] work) {
      return pre.forward(x, xOff, y, yOff, null, new double[pre.dim()]);
    }

    @Override
    public void inverse(double[] y, int yOff, double[] x, int xOff, double[] work) {
      pre.inverse(y, yOff, null, x, xOff);
    }
  }
}
