package io.surprisal.cli;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.train.TrainingConfig;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import io.surprisal.model.TrainingNoise;
import io.surprisal.flow.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic data with an obvious structure for command tests: {@code x ~ N(0, 1)},
 * {@code y = 2x + N(0, 0.3^2)}, {@code z ~ N(5, 2^2)}. An outlier breaks the x-y relation by many
 * standard deviations while staying inside each feature's own range, so only a joint density model
 * finds it.
 */
final class TestData {
  static final List<String> FEATURES = List.of("x", "y", "z");
  /**
   * Tiny but learnable: fits in well under a second. The sharp noise, because the outliers break a
   * tight relation between x and y, which the default ({@code auto}) blurs.
   */
  static final List<String> TINY_MODEL = List.of("--layers", "2", "--hidden", "16", "--epochs", "20",
      "--batch-size", "32", "--learning-rate", "0.005", "--noise", "0.1");

  private TestData() {}

  static double[] normalRow(SplittableRandom r) {
    double x = r.nextGaussian();
    return new double[] {x, 2 * x + 0.3 * r.nextGaussian(), 5 + 2 * r.nextGaussian()};
  }

  /** Off the x-y line by about 17 standard deviations of its noise, z typical. */
  static double[] outlier(SplittableRandom r) {
    double x = r.nextGaussian() * 0.5;
    return new double[] {x, 2 * x + (r.nextBoolean() ? 5 : -5), 5 + r.nextGaussian()};
  }

  static double[][] normalRows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = normalRow(r);
    }
    return rows;
  }

  /** Writes rows under {@code header}; {@code extra} cells (already formatted) are appended per row. */
  static Path write(Path file, String header, double[][] rows, String... extra) throws IOException {
    StringBuilder text = new StringBuilder(header).append('\n');
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        text.append(j > 0 ? "," : "").append(format(rows[i][j]));
      }
      if (extra.length > 0) {
        text.append(',').append(extra[i % extra.length]);
      }
      text.append('\n');
    }
    return Files.writeString(file, text);
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  /** {@link #fittedModel} of 400 rows, seed 1, alpha 0.05: fitted once per test JVM, immutable. */
  static DensityModel model() {
    return SharedModel.MODEL;
  }

  private static final class SharedModel {
    static final DensityModel MODEL = fittedModel(400, 1, 0.05);
  }

  /** A model of {@link #normalRows} fitted through the library, for commands that need one. */
  static DensityModel fittedModel(int n, long seed, double alpha) {
    double[][] rows = normalRows(n, seed);
    double[] flat = new double[n * 3];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, flat, 3 * i, 3);
    }
    TrainingConfig training = TrainingConfig.defaults(FlowSpec.preset("nsf").withLayers(2).withHidden(16))
        .withEpochs(20).withBatchSize(32).withLearningRate(0.005).withSeed(seed);
    FitOptions options = FitOptions.defaults().withTraining(training).withAlpha(alpha).withNoise(TrainingNoise.SHARP);
    return new ModelFitter(options).fit(FEATURES, flat, n, TrainingListener.NONE);
  }
}
