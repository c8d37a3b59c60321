package io.surprisal.flow.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.Jacobians;
import io.surprisal.flow.NormalizingFlow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One loop over every transform type and preset (the zuko pattern): round trip, log|det J| against
 * a numeric Jacobian, kernel against the ND4J forward, and gradients against finite differences.
 */
class FlowTransformsTest {

  static List<Arguments> specs() {
    List<Arguments> out = new ArrayList<>();
    for (String preset : FlowSpec.PRESETS) {
      FlowSpec s = FlowSpec.preset(preset).withLayers(3).withHidden(16);
      for (int d : new int[] {1, 2, 5}) {
        out.add(Arguments.of(preset, s, d));
      }
    }
    FlowSpec splineAr = new FlowSpec(FlowSpec.Conditioner.AUTOREGRESSIVE, FlowSpec.Transform.SPLINE, 2, 16, 1, 5,
        3.0, 3.0);
    out.add(Arguments.of("spline-autoregressive", splineAr, 4));
    return out;
  }

  @ParameterizedTest(name = "{0} d={2}")
  @MethodSource("specs")
  void inverse_undoesForward_forEveryLayerAndTheComposition(String name, FlowSpec spec, int d) {
    NormalizingFlow flow = RandomFlows.create(spec, d, 11, 0.5).export();
    double[] xs = RandomFlows.randomRows(200, d, 5, 2.0);
    NormalizingFlow.Workspace ws = flow.newWorkspace();
    double[] z = new double[d];
    double[] back = new double[d];
    for (int i = 0; i < 200; i++) {
      flow.forward(xs, i * d, ws);
      System.arraycopy(ws.result(), 0, z, 0, d);
      flow.inverse(z, 0, back, 0, ws);
      for (int j = 0; j < d; j++) {
        assertThat(back[j]).isCloseTo(xs[i * d + j], within(1e-6));
      }
    }
    for (Bijection layer : flow.layers()) {
      double[] work = new double[layer.workSize()];
      double[] y = new double[d];
      double[] x = new double[d];
      for (int i = 0; i < 50; i++) {
        layer.forward(xs, i * d, y, 0, work);
        layer.inverse(y, 0, x, 0, work);
        for (int j = 0; j < d; j++) {
          assertThat(x[j]).as(layer.getClass().getSimpleName()).isCloseTo(xs[i * d + j], within(1e-6));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} d={2}")
  @MethodSource("specs")
  void logAbsDet_matchesNumericJacobian(String name, FlowSpec spec, int d) {
    NormalizingFlow flow = RandomFlows.create(spec, d, 12, 0.5).export();
    double[] xs = RandomFlows.randomRows(20, d, 6, 1.5);
    for (Bijection layer : flow.layers()) {
      double[] work = new double[layer.workSize()];
      double[] y = new double[d];
      for (int i = 0; i < 20; i++) {
        double[] x = java.util.Arrays.copyOfRange(xs, i * d, (i + 1) * d);
        double analytic = layer.forward(x, 0, y, 0, work);
        double numeric = Jacobians.logAbsDet(Jacobians.numeric(layer, x, 1e-5));
        assertThat(analytic).as(layer.getClass().getSimpleName())
            .isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
      }
    }
  }

  @ParameterizedTest(name = "{0} d={2}")
  @MethodSource("specs")
  void kernel_agreesWithNd4jForward(String name, FlowSpec spec, int d) {
    TrainableFlow trainable = RandomFlows.create(spec, d, 13, 0.5);
    NormalizingFlow kernel = trainable.export();
    int n = 300;
    double[] xs = RandomFlows.randomRows(n, d, 7, 2.0);
    double[] nd4j = trainable.logDensity(xs, n);
    NormalizingFlow.Workspace ws = kernel.newWorkspace();
    for (int i = 0; i < n; i++) {
      double k = kernel.logDensity(xs, i * d, ws);
      assertThat(k).isCloseTo(nd4j[i], within(1e-9 * Math.max(1, Math.abs(nd4j[i]))));
    }
  }

  @ParameterizedTest(name = "{0} d={2}")
  @MethodSource("specs")
  void gradient_matchesFiniteDifferences_andReachesEveryParameterBlock(String name, FlowSpec spec, int d) {
    TrainableFlow flow = RandomFlows.create(spec, d, 14, 0.3);
    int n = 16;
    double[] xs = RandomFlows.randomRows(n, d, 8, 1.5);
    flow.lossAndGradient(xs, n);
    double[] grad = flow.gradients().toDoubleVector();
    double[] params = flow.snapshot();
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    double h = 1e-5;
    int checked = 0;
    for (int t = 0; t < 60; t++) {
      int k = r.nextInt(params.length);
      if (params[k] == 0 && grad[k] == 0) {
        continue; // a MADE-masked weight: stays zero, gets zero gradient
      }
      double keep = params[k];
      params[k] = keep + h;
      flow.restore(params);
      double lp = flow.lossAndGradient(xs, n);
      params[k] = keep - h;
      flow.restore(params);
      double lm = flow.lossAndGradient(xs, n);
      params[k] = keep;
      double numeric = (lp - lm) / (2 * h);
      assertThat(grad[k]).as("parameter %s", k).isCloseTo(numeric, within(1e-5 + 1e-4 * Math.abs(numeric)));
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
    long nonZero = java.util.Arrays.stream(grad).filter(g -> g != 0).count();
    assertThat(nonZero).as("parameters receiving gradient").isGreaterThan(params.length / 3);
  }
}
