package io.surprisal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.surprisal.testing.Scrape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detector's counts under their Prometheus names, and the scoring histogram. */
class MeteredDetectorMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MeteredDetectorMetrics metrics = new MeteredDetectorMetrics(registry);

  @Test
  void scrape_beforeAnything_showsZerosForEveryCodeAndVersionZero() {
    String text = registry.scrape();

    assertThat(Scrape.sample(text, "surprisal_events_scored_total")).hasValue(0);
    assertThat(Scrape.sample(text, "surprisal_model_version")).hasValue(0);
    for (DeadLetterCode code : DeadLetterCode.values()) {
      assertThat(Scrape.sample(text, "surprisal_dlq_records_total", Map.of("code", code.name()))).hasValue(0);
    }
  }

  @Test
  void scrape_afterTraffic_showsEachCountAndTheScoringTimes() {
    metrics.eventScored(2_000_000);
    metrics.eventScored(4_000_000);
    metrics.eventScored(6_000_000);
    metrics.alertRaised();
    metrics.deadLettered(DeadLetterCode.UNDECODABLE);
    metrics.deadLettered(DeadLetterCode.NOT_FINITE);
    metrics.deadLettered(DeadLetterCode.NOT_FINITE);
    metrics.modelSwapped(1);
    metrics.modelSwapped(3);
    metrics.modelRefused();

    String text = registry.scrape();

    assertThat(Scrape.sample(text, "surprisal_events_scored_total")).hasValue(3);
    assertThat(Scrape.sample(text, "surprisal_alerts_total")).hasValue(1);
    assertThat(Scrape.sample(text, "surprisal_dlq_records_total", Map.of("code", "UNDECODABLE"))).hasValue(1);
    assertThat(Scrape.sample(text, "surprisal_dlq_records_total", Map.of("code", "NOT_FINITE"))).hasValue(2);
    assertThat(Scrape.sample(text, "surprisal_model_swaps_total")).hasValue(2);
    assertThat(Scrape.sample(text, "surprisal_model_refusals_total")).hasValue(1);
    assertThat(Scrape.sample(text, "surprisal_model_version")).hasValue(3);
    assertThat(Scrape.sample(text, "surprisal_scoring_latency_seconds_count")).hasValue(3);
    assertThat(Scrape.sample(text, "surprisal_scoring_latency_seconds_sum").getAsDouble()).isCloseTo(0.012,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Scrape.sample(text, "surprisal_scoring_latency_seconds_bucket", Map.of("le", "+Inf"))).hasValue(3);
    assertThat(metrics.snapshot().eventsScored()).isEqualTo(3);
  }

  @Test
  void unregister_removesEveryMeter() {
    metrics.eventScored(1_000);

    metrics.unregister();

    assertThat(registry.getMeters()).isEmpty();
    assertThat(registry.scrape()).doesNotContain("surprisal_");
  }
}
