package io.surprisal.trainer;

import io.surprisal.model.codec.ModelCodec;
import static io.surprisal.trainer.TrainerFixture.await;
import static io.surprisal.trainer.TrainerFixture.config;
import static io.surprisal.trainer.TrainerFixture.produce;
import static io.surprisal.trainer.TrainerFixture.versions;
import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.example.ServiceTelemetry;
import io.surprisal.generate.SimulatedEvent;
import io.surprisal.generate.TelemetrySimulator;
import io.surprisal.model.DensityModel;
import io.surprisal.testing.KafkaFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first model learns from a window with 1 % anomalies and no model to filter them with: its
 * calibration tail must keep them from raising the threshold, or recall at alpha = 0.001 falls to
 * about 0.1 (measured with plain conformal p-values).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FirstModelRecallIT {
  private static final Logger LOG = LoggerFactory.getLogger(FirstModelRecallIT.class);

  @Test
  void firstModel_windowWithOnePercentAnomalies_alertsOnFreshAnomaliesWithRecallAtLeast90Percent() {
    // 1. 5000 events with 1 % anomalies; default trainer settings except a small network and a
    //    calibration share that gives the 1000+ calibration rows a p-value of 0.001 needs
    String input = KafkaFixture.uniqueTopic("telemetry");
    String models = KafkaFixture.uniqueTopic("models");
    KafkaFixture.createTopic(input, 1, Map.of());
    produce(input, 1, 5000);
    try (Trainer trainer = new Trainer(config(input, models, Map.of("window.size", "5000",
        "retrain.min.new.events", "5000", "model.epochs", "20", "model.layers", "4",
        "model.calibration.fraction", "0.3")))) {
      trainer.start();
      await("version 1", () -> trainer.lastPublishedVersion() == 1);
    }
    DensityModel model = ModelCodec.decode(Trainer.bytes(versions(models).getLast().getModel()));
    assertThat(model.calibration().size()).isGreaterThan(1000);

    // 2. score a fresh stream in process against its ground truth
    FeatureSpec spec = FeatureSpec.of(ServiceTelemetry.getClassSchema(), List.of());
    TelemetrySimulator fresh = new TelemetrySimulator(42, 0.01, Instant.parse("2025-03-02T00:00:00Z"));
    double[] x = new double[spec.size()];
    int anomalies = 0;
    int caught = 0;
    int normals = 0;
    int falseAlarms = 0;
    for (int i = 0; i < 20_000; i++) {
      SimulatedEvent e = fresh.next();
      spec.extract(e.value(), x);
      boolean alert = model.score(x, 0.001).alert();
      if (e.isAnomaly()) {
        anomalies++;
        caught += alert ? 1 : 0;
      } else {
        normals++;
        falseAlarms += alert ? 1 : 0;
      }
    }
    double recall = caught / (double) anomalies;
    double fpr = falseAlarms / (double) normals;
    LOG.info("first model at alpha=0.001: recall {} ({}/{}), false-positive rate {} ({}/{})", recall, caught,
        anomalies, fpr, falseAlarms, normals);

    // 3. recall >= 0.9, false-positive rate a few times alpha at most
    assertThat(recall).isGreaterThanOrEqualTo(0.9);
    assertThat(fpr).isLessThan(0.005);
  }
}
