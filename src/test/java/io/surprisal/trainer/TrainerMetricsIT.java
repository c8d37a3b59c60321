package io.surprisal.trainer;

import static io.surprisal.trainer.TrainerFixture.await;
import static io.surprisal.trainer.TrainerFixture.config;
import static io.surprisal.trainer.TrainerFixture.produce;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.surprisal.metrics.Meters;
import io.surprisal.metrics.MetricsServer;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.Scrape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A trainer in this JVM on the real broker and registry, its endpoint scraped over HTTP after it published. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TrainerMetricsIT {

  @Test
  void endpoint_afterAPublishedVersion_reportsTheWindowTheTrainingAndTheConsumer() throws IOException {
    // 1. configure: 600 events on the input, a trainer that retrains after 300, its endpoint on a free port
    String input = KafkaFixture.uniqueTopic("telemetry");
    String models = KafkaFixture.uniqueTopic("models");
    KafkaFixture.createTopic(input, 1, Map.of());
    produce(input, 1, 600);
    PrometheusMeterRegistry meters = Meters.prometheus();
    try (Trainer trainer = new Trainer(config(input, models, Map.of("window.size", "1000",
            "retrain.min.new.events", "300")), meters);
        MetricsServer server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), meters,
            trainer::liveness, trainer::readiness)) {
      int port = server.address().getPort();

      // 2. not started: alive but not ready
      assertThat(get(port, MetricsServer.LIVE_PATH).status()).isEqualTo(200);
      assertThat(get(port, MetricsServer.READY_PATH).status()).isEqualTo(503);

      // 3. started: ready once its consumer reads the input; version 1 is published
      trainer.start();
      await("ready", () -> get(port, MetricsServer.READY_PATH).status() == 200);
      assertThat(get(port, MetricsServer.READY_PATH).body()).contains("filling the window", input);
      await("version 1", () -> trainer.lastPublishedVersion() == 1);

      // 4. verify by scraping: the window, the training, the version, and the consumer's own meters
      String text = get(port, MetricsServer.METRICS_PATH).body();
      assertThat(Scrape.sample(text, "surprisal_trainer_events_consumed_total")).hasValue(600);
      assertThat(Scrape.sample(text, "surprisal_trainer_window_size")).hasValue(600);
      assertThat(Scrape.sample(text, "surprisal_trainer_versions_published_total")).hasValue(1);
      assertThat(Scrape.sample(text, "surprisal_trainer_publish_refusals_total")).hasValue(0);
      assertThat(Scrape.sample(text, "surprisal_trainer_training_failures_total")).hasValue(0);
      assertThat(Scrape.sample(text, "surprisal_trainer_training_duration_seconds").orElseThrow()).isPositive();
      assertThat(Scrape.sample(text, "surprisal_trainer_validation_nll").orElseThrow())
          .isEqualTo(TrainerFixture.versions(models).getLast().getValidationNll());
      assertThat(text).containsPattern("(?m)^kafka_consumer_fetch_manager_records_consumed_total\\{");

      // 5. a closed trainer is no longer alive
      trainer.close();
      assertThat(get(port, MetricsServer.LIVE_PATH).status()).isEqualTo(503);
    }
  }

  private static Scrape.Response get(int port, String path) {
    try {
      return Scrape.get("127.0.0.1", port, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
