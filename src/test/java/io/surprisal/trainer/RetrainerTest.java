package io.surprisal.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.example.ServiceTelemetry;
import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.generate.TelemetrySimulator;
import io.surprisal.model.DensityModel;
import io.surprisal.model.ModelFitter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetrainerTest {
  private static final FeatureSpec SPEC = FeatureSpec.of(ServiceTelemetry.getClassSchema(), List.of());

  @Test
  void calibrateAlsoOnFlagged_addsTheCalibrationShareOfTheFlaggedRowsScoredByTheNewModel() {
    // a tiny model fitted on 1000 simulated events (300 of them calibrate it: 30 % of the fitted rows)
    Config config = tinyModels();
    Retrainer retrainer = new Retrainer(TrainerConfig.fitOptions(config), 0.1, 0.25, true);
    WindowSnapshot window = window(1200);
    double[] fitRows = Arrays.copyOf(window.rows(), 1000 * SPEC.size());
    DensityModel fitted = new ModelFitter(TrainerConfig.fitOptions(config))
        .fit(SPEC.names(), fitRows, 1000, TrainingListener.NONE);
    assertThat(fitted.calibration().size()).isEqualTo(300);

    // the last 200 rows of the window are the ones the previous model flagged
    int[] flagged = IntStream.range(1000, 1200).toArray();
    DensityModel calibrated = retrainer.calibrateAlsoOnFlagged(fitted, window, flagged, 1000);

    // 30 % of them join the calibration set with their NLL under the new model; nothing else changes
    double[] flaggedNll = Arrays.stream(flagged).mapToDouble(i -> -fitted.logDensity(row(window, i))).toArray();
    double[] added = without(calibrated.calibration().scores(), fitted.calibration().scores());
    assertThat(calibrated.calibration().size()).isEqualTo(300 + 60);
    assertThat(added).hasSize(60);
    assertThat(flaggedNll).contains(added);
    assertThat(calibrated.flow()).isSameAs(fitted.flow());
    assertThat(calibrated.alpha()).isEqualTo(fitted.alpha());
  }

  @Test
  void retrain_excludeFlaggedOff_fitsOnEveryWindowEventTheCurrentModelFlags() {
    // a current model that flags about a fifth of the window (alpha 0.2)
    Config config = tinyModels();
    WindowSnapshot window = window(1000);
    DensityModel current = new ModelFitter(TrainerConfig.fitOptions(config))
        .fit(SPEC.names(), window.rows(), 1000, TrainingListener.NONE).withAlpha(0.2);

    RetrainOutcome.Candidate excluding = candidate(new Retrainer(TrainerConfig.fitOptions(config), 0.1, 1e9, true)
        .retrain(SPEC.names(), window, current, TrainingListener.NONE));
    RetrainOutcome.Candidate keeping = candidate(new Retrainer(TrainerConfig.fitOptions(config), 0.1, 1e9, false)
        .retrain(SPEC.names(), window, current, TrainingListener.NONE));

    assertThat(excluding.excludedCount()).isGreaterThan(100);
    long kept = 1000 - excluding.excludedCount();
    assertThat(excluding.rowCount()).isEqualTo(kept - Math.round(kept * 0.1));
    assertThat(keeping.excludedCount()).isZero();
    assertThat(keeping.rowCount()).isEqualTo(900);
    assertThat(keeping.previousValidationNll()).as("still compared with the current model").isNotNull();
  }

  private static Config tinyModels() {
    return Config.of(Map.of("bootstrap.servers", "unused:9092", "input.topic", "unused",
        "model.epochs", "1", "model.layers", "1", "model.hidden", "4", "model.calibration.fraction", "0.3"),
        ConfigKeys.ALL);
  }

  private static RetrainOutcome.Candidate candidate(RetrainOutcome outcome) {
    return switch (outcome) {
      case RetrainOutcome.Accepted accepted -> accepted.candidate();
      case RetrainOutcome.Refused refused -> refused.candidate();
    };
  }

  private static WindowSnapshot window(int n) {
    TelemetrySimulator simulator = new TelemetrySimulator(7, 0.01, Instant.parse("2025-03-01T00:00:00Z"));
    EventWindow window = EventWindow.sliding(n, SPEC.size());
    double[] x = new double[SPEC.size()];
    for (int i = 0; i < n; i++) {
      SPEC.extract(simulator.next().value(), x);
      window.add(x, i, 0, i);
    }
    return window.snapshot();
  }

  private static double[] row(WindowSnapshot window, int i) {
    return Arrays.copyOfRange(window.rows(), i * window.dim(), (i + 1) * window.dim());
  }

  /** The values of {@code all} (sorted) left after removing one occurrence of each of {@code some} (sorted). */
  private static double[] without(double[] all, double[] some) {
    double[] rest = new double[all.length];
    int n = 0;
    int j = 0;
    for (double v : all) {
      if (j < some.length && some[j] == v) {
        j++;
      } else {
        rest[n++] = v;
      }
    }
    assertThat(j).as("every old calibration score is still there").isEqualTo(some.length);
    return Arrays.copyOf(rest, n);
  }
}
