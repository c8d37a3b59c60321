package io.surprisal.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.surprisal.testing.Scrape;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The trainer's counts and gauges under their Prometheus names. */
class TrainerMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final TrainerMetrics metrics = new TrainerMetrics();

  @Test
  void bindTo_beforeTraining_showsAnEmptyWindowAndNoNll() {
    metrics.bindTo(registry);
    String text = registry.scrape();

    assertThat(Scrape.sample(text, "surprisal_trainer_window_size")).hasValue(0);
    assertThat(Scrape.sample(text, "surprisal_trainer_validation_nll")).hasValue(Double.NaN);
    assertThat(Scrape.sample(text, "surprisal_trainer_versions_published_total")).hasValue(0);
  }

  @Test
  void bindTo_afterTraining_showsEachValue() {
    metrics.bindTo(registry);
    for (int i = 0; i < 5; i++) {
      metrics.consumed();
    }
    metrics.skipped();
    metrics.undecodable();
    metrics.windowSize(3);
    metrics.trained(Duration.ofMillis(1500), -2.25);
    metrics.published();
    metrics.refused();
    metrics.failed();

    String text = registry.scrape();

    assertThat(Scrape.sample(text, "surprisal_trainer_events_consumed_total")).hasValue(5);
    assertThat(Scrape.sample(text, "surprisal_trainer_events_skipped_total")).hasValue(1);
    assertThat(Scrape.sample(text, "surprisal_trainer_events_undecodable_total")).hasValue(1);
    assertThat(Scrape.sample(text, "surprisal_trainer_window_size")).hasValue(3);
    assertThat(Scrape.sample(text, "surprisal_trainer_training_duration_seconds")).hasValue(1.5);
    assertThat(Scrape.sample(text, "surprisal_trainer_validation_nll")).hasValue(-2.25);
    assertThat(Scrape.sample(text, "surprisal_trainer_versions_published_total")).hasValue(1);
    assertThat(Scrape.sample(text, "surprisal_trainer_publish_refusals_total")).hasValue(1);
    assertThat(Scrape.sample(text, "surprisal_trainer_training_failures_total")).hasValue(1);
  }
}
