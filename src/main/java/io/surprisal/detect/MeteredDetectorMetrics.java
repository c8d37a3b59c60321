package io.surprisal.detect;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * {@link DetectorMetrics} counted in memory and published to a Micrometer registry. Under
 * Prometheus' naming the meters are:
 *
 * <table>
 *   <caption>Detector meters</caption>
 *   <tr><td>{@code surprisal_events_scored_total}</td><td>counter</td><td>events scored</td></tr>
 *   <tr><td>{@code surprisal_alerts_total}</td><td>counter</td><td>alerts written</td></tr>
 *   <tr><td>{@code surprisal_dlq_records_total{code}}</td><td>counter</td><td>dead letters, one series per
 *       {@link DeadLetterCode}, all present from the start</td></tr>
 *   <tr><td>{@code surprisal_scoring_latency_seconds}</td><td>histogram</td><td>time from reading an event to
 *       its score</td></tr>
 *   <tr><td>{@code surprisal_model_version}</td><td>gauge</td><td>version scoring now, 0 before the first</td></tr>
 *   <tr><td>{@code surprisal_model_swaps_total}</td><td>counter</td><td>versions accepted</td></tr>
 *   <tr><td>{@code surprisal_model_refusals_total}</td><td>counter</td><td>versions refused</td></tr>
 * </table>
 *
 * <p>The counters are functions over the in-memory counts, read when scraped, so counting costs what
 * it did without Micrometer. The only per-event meter work is one {@link Timer#record} into fixed
 * histogram buckets (a percentile histogram, not client-side percentiles, so that Prometheus can
 * add up the histograms of a scaled-out detector's instances).
 */
final class MeteredDetectorMetrics implements DetectorMetrics {
  private final DetectorMetrics counts = new CountingDetectorMetrics();
  private final Timer scoring;
  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();

  MeteredDetectorMetrics(MeterRegistry registry) {
    this.registry = registry;
    counter("surprisal.events.scored", "Events scored, alert or not.", s -> s.eventsScored());
    counter("surprisal.alerts", "Alerts written: scored events with p-value <= alpha.", s -> s.alerts());
    for (DeadLetterCode code : DeadLetterCode.values()) {
      meters.add(FunctionCounter.builder("surprisal.dlq.records", counts, m -> m.snapshot().deadLetters().get(code))
          .description("Events written to the dead-letter topic, by error code.")
          .tag("code", code.name())
          .register(registry));
    }
    counter("surprisal.model.swaps", "Model versions accepted; each replaced the model in force.", s -> s.modelSwaps());
    counter("surprisal.model.refusals", "Model versions refused; the model in force stayed.", s -> s.modelRefusals());
    meters.add(Gauge.builder("surprisal.model.version", counts, m -> m.snapshot().modelVersion().orElse(0))
        .description("Version of the model scoring now; 0 while the detector waits for its first model.")
        .strongReference(true)
        .register(registry));
    scoring = Timer.builder("surprisal.scoring.latency")
        .description("Time from reading an event to its score: decoding, features and the flow's log-density.")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(1_000))
        .maximumExpectedValue(Duration.ofSeconds(1))
        .register(registry);
    meters.add(scoring);
  }

  private void counter(String name, String description, ToDoubleFunction<Snapshot> count) {
    meters.add(FunctionCounter.builder(name, counts, m -> count.applyAsDouble(m.snapshot()))
        .description(description)
        .register(registry));
  }

  @Override
  public void eventScored(long scoringNanos) {
    counts.eventScored(scoringNanos);
    scoring.record(scoringNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void alertRaised() {
    counts.alertRaised();
  }

  @Override
  public void deadLettered(DeadLetterCode code) {
    counts.deadLettered(code);
  }

  @Override
  public void modelSwapped(long version) {
    counts.modelSwapped(version);
  }

  @Override
  public void modelRefused() {
    counts.modelRefused();
  }

  @Override
  public Snapshot snapshot() {
    return counts.snapshot();
  }

  /** Removes this detector's meters from the registry, so a closed detector leaves no stale series. */
  void unregister() {
    meters.forEach(registry::remove);
  }
}
