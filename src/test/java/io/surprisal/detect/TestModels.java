package io.surprisal.detect;

import io.surprisal.avro.FeatureField;
import io.surprisal.avro.ModelVersion;
import io.surprisal.avro.TrainingWindow;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.train.TrainingConfig;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** One tiny model of {@link HostReadings}, fitted once per test JVM, and ModelVersion records of it. */
public final class TestModels {
  /** The fitted model's alert level: above 1/31, the smallest p-value of its 30 calibration rows. */
  public static final double ALPHA = 0.05;

  private TestModels() {}

  /** A MAF with 2 layers of width 16, trained for a few epochs on 300 rows. */
  public static DensityModel hostReadings() {
    return Fitted.MODEL;
  }

  /** The same model under other feature names. */
  public static DensityModel renamed(DensityModel model, List<String> features) {
    return new DensityModel(features, model.preprocessing(), model.spec(), model.flow(), model.calibration(),
        model.alpha(), model.reference(), model.training());
  }

  /** A ModelVersion record as the trainer would publish it. */
  public static ModelVersion version(String name, long version, String inputTopic, List<FeatureField> spec,
      byte[] artifact) {
    // a second per version; numbers far out (tests of refused versions) share the last instant
    Instant created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(Math.clamp(version, 0, 1_000_000_000L));
    return ModelVersion.newBuilder()
        .setName(name)
        .setVersion(version)
        .setCreatedAt(created)
        .setInputTopic(inputTopic)
        .setTrainingWindow(new TrainingWindow(created.minusSeconds(3600), created, List.of()))
        .setRowCount(300)
        .setExcludedCount(0)
        .setValidationNll(1.0)
        .setPreviousValidationNll(null)
        .setFeatures(spec)
        .setRolledBackFrom(null)
        .setModel(ByteBuffer.wrap(artifact))
        .build();
  }

  /** Holder idiom: fitted on first use, once per JVM, immutable afterwards. */
  private static final class Fitted {
    static final DensityModel MODEL = fit();

    private static DensityModel fit() {
      int n = 300;
      TrainingConfig training = TrainingConfig.defaults(FlowSpec.preset("maf").withHidden(16).withLayers(2))
          .withEpochs(8).withSeed(7);
      FitOptions options = FitOptions.defaults().withTraining(training).withAlpha(ALPHA);
      return new ModelFitter(options).fit(HostReadings.FEATURES, HostReadings.trainingRows(n, 11), n,
          TrainingListener.NONE);
    }
  }
}
