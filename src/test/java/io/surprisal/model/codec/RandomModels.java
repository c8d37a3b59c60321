package io.surprisal.model.codec;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import io.surprisal.flow.train.TrainableFlow;
import io.surprisal.model.Calibration;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FeatureScaling;
import io.surprisal.model.FeatureType;
import io.surprisal.model.Preprocessing;
import io.surprisal.model.NoiseCandidate;
import io.surprisal.model.TrainingInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Untrained but non-trivial models for codec tests: every kind of feature preprocessing, and a flow
 * whose parameters are all perturbed away from the identity it starts as.
 */
final class RandomModels {
  static final List<String> FEATURES = List.of("rate", "errors", "retries", "region", "latency");

  private RandomModels() {}

  /** Spline-driven autoregressive flow: the one combination no preset uses. */
  static FlowSpec splineAutoregressive() {
    return new FlowSpec(FlowSpec.Conditioner.AUTOREGRESSIVE, FlowSpec.Transform.SPLINE, 2, 8, 1, 5, 3.0, 3.0);
  }

  static DensityModel create(FlowSpec spec, long seed) {
    List<FeatureScaling> scalings = List.of(
        new FeatureScaling(FeatureType.CONTINUOUS, 120.5, 30.25, 0, 0, false),
        new FeatureScaling(FeatureType.CONTINUOUS, 0.002, 0.0015, 0, 0, true),
        new FeatureScaling(FeatureType.DISCRETE, 2.5, 1.2, 1, 0, false),
        new FeatureScaling(FeatureType.CONSTANT, 7, 0.007, 0, 0, false),
        new FeatureScaling(FeatureType.DISCRETE, 40.125, 12.5, 0.25, 3.0, true));
    Preprocessing pre = new Preprocessing(scalings);
    TrainableFlow trainable = TrainableFlow.create(spec, pre.activeDim(), seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    double[] p = trainable.snapshot();
    for (int i = 0; i < p.length; i++) {
      p[i] += 0.4 * (2 * random.nextDouble() - 1);
    }
    trainable.restore(p); // keeps MADE masks
    NormalizingFlow flow = trainable.export();
    double[] calibration = new double[57];
    for (int i = 0; i < calibration.length; i++) {
      calibration[i] = 3 + 2 * random.nextGaussian();
    }
    TrainingInfo info = new TrainingInfo(1000, 810, 90, 100, 17, 12, 4.25, Duration.ofNanos(1_234_567_891L), seed,
        Instant.ofEpochSecond(1_760_000_000L, 123_456_789), trainable.parameterCount(), "CONVERGED",
        List.of(new NoiseCandidate("0.1", 0.1, 3.5, false), new NoiseCandidate("scott x 0.5", 0.21, 3.25, true),
            new NoiseCandidate("scott x 1.0", 0.42, 3.75, false)));
    return new DensityModel(FEATURES, pre, spec, flow, new Calibration(calibration), 0.05,
        new double[] {118, 0.0021, 2, 7, 40}, info);
  }

  /** Rows around the model's features, some far out (into the splines' identity tails). */
  static double[][] rows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      double far = i % 10 == 0 ? 20 : 1;
      out[i] = new double[] {
        120 + far * 30 * r.nextGaussian(), Math.abs(0.002 + far * 0.002 * r.nextGaussian()), r.nextInt(8),
        7 + (i % 25 == 0 ? 0.5 : 0), 3 + 0.25 * r.nextInt(200)};
    }
    return out;
  }
}
