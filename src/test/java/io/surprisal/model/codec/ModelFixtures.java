package io.surprisal.model.codec;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.train.TrainingConfig;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import io.surprisal.model.PreprocessingFit;
import io.surprisal.model.Score;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the model files that {@link ModelCompatibilityTest} keeps loading: a small fitted model per
 * conditioner kind, {@code v<format>-<preset>.model}, and beside it the scores it gave when it was
 * written, {@code v<format>-<preset>.scores.csv}. Run it once per new format version (never to
 * overwrite an existing file: old files must keep loading as they are):
 * {@code java -cp target/test-classes:target/classes:target/lib/* io.surprisal.model.codec.ModelFixtures
 * src/test/resources/models}.
 */
public final class ModelFixtures {
  /** Features of every kind: skewed (log transform), integer (dequantised), constant, plain. */
  static final List<String> FEATURES = List.of("latency_ms", "requests", "region", "cpu");

  private ModelFixtures() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    for (String preset : List.of("nsf", "maf")) {
      DensityModel model = fit(preset);
      String name = "v" + ModelCodec.FORMAT_VERSION + "-" + preset;
      Files.write(dir.resolve(name + ".model"), ModelCodec.encode(model));
      StringBuilder csv = new StringBuilder(String.join(",", FEATURES)).append(",log_likelihood,p_value\n");
      for (double[] x : probes()) {
        Score s = model.score(x);
        for (double v : x) {
          csv.append(v).append(',');
        }
        csv.append(s.logLikelihood()).append(',').append(s.pValue()).append('\n');
      }
      Files.writeString(dir.resolve(name + ".scores.csv"), csv);
    }
  }

  static double[] row(SplittableRandom r) {
    double cpu = 40 + 10 * r.nextGaussian();
    double latency = 20 * Math.exp(0.8 * r.nextGaussian() + 0.01 * (cpu - 40));
    return new double[] {latency, Math.max(0, Math.round(30 + 0.5 * cpu + 5 * r.nextGaussian())), 3, cpu};
  }

  static DensityModel fit(String preset) {
    SplittableRandom r = new SplittableRandom(2024);
    int n = 300;
    double[] rows = new double[n * FEATURES.size()];
    for (int i = 0; i < n; i++) {
      System.arraycopy(row(r), 0, rows, i * FEATURES.size(), FEATURES.size());
    }
    TrainingConfig training = TrainingConfig.defaults(FlowSpec.preset(preset).withLayers(2).withHidden(8))
        .withEpochs(5).withBatchSize(64).withSeed(7);
    // from format version 2 on, the fixtures carry a whitening; from 3 on, training-noise candidates
    // (select, the default); the symmetric log as the version 1 and 2 files were written (its default then)
    return new ModelFitter(FitOptions.defaults().withTraining(training).withAlpha(0.05).withWhitening(true)
        .withPreprocessing(PreprocessingFit.LogTransform.AUTO, PreprocessingFit.Dequantize.AUTO))
        .fit(FEATURES, rows, n, TrainingListener.NONE);
  }

  /** Typical rows and a few far out. */
  static double[][] probes() {
    SplittableRandom r = new SplittableRandom(99);
    double[][] out = new double[24][];
    for (int i = 0; i < out.length; i++) {
      out[i] = row(r);
    }
    out[20] = new double[] {900, 35, 3, 41};
    out[21] = new double[] {18, 140, 3, 38};
    out[22] = new double[] {25, 50, 3.5, 45};
    out[23] = new double[] {0.5, 0, 3, 99};
    return out;
  }
}
