package io.surprisal.trainer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The trainer's counters and gauges in one place, so that a metrics endpoint can expose them. All
 * methods are thread-safe. {@link #bindTo} publishes them; under Prometheus' naming:
 *
 * <table>
 *   <caption>Trainer meters</caption>
 *   <tr><td>{@code surprisal_trainer_events_consumed_total}</td><td>counter</td><td>records read</td></tr>
 *   <tr><td>{@code surprisal_trainer_events_skipped_total}</td><td>counter</td><td>events without every
 *       feature</td></tr>
 *   <tr><td>{@code surprisal_trainer_events_undecodable_total}</td><td>counter</td><td>records that did not
 *       deserialize</td></tr>
 *   <tr><td>{@code surprisal_trainer_window_size}</td><td>gauge</td><td>events in the window</td></tr>
 *   <tr><td>{@code surprisal_trainer_training_duration_seconds}</td><td>gauge</td><td>wall time of the last
 *       training, published or not</td></tr>
 *   <tr><td>{@code surprisal_trainer_validation_nll}</td><td>gauge</td><td>held-out NLL of the last fitted
 *       model (NaN before the first)</td></tr>
 *   <tr><td>{@code surprisal_trainer_versions_published_total}</td><td>counter</td><td>versions
 *       published</td></tr>
 *   <tr><td>{@code surprisal_trainer_publish_refusals_total}</td><td>counter</td><td>models not published
 *       for being worse</td></tr>
 *   <tr><td>{@code surprisal_trainer_training_failures_total}</td><td>counter</td><td>failed
 *       retrainings</td></tr>
 * </table>
 */
public final class TrainerMetrics implements MeterBinder {
  private final AtomicLong eventsConsumed = new AtomicLong();
  private final AtomicLong eventsSkipped = new AtomicLong();
  private final AtomicLong eventsUndecodable = new AtomicLong();
  private final AtomicLong versionsPublished = new AtomicLong();
  private final AtomicLong publishRefusals = new AtomicLong();
  private final AtomicLong trainingFailures = new AtomicLong();
  private volatile int windowSize;
  private volatile Duration lastTrainingDuration = Duration.ZERO;
  private volatile double lastValidationNll = Double.NaN;

  /** Records read from the input topic. */
  public long eventsConsumed() {
    return eventsConsumed.get();
  }

  /** Events that lacked a feature or had a null or non-finite one. */
  public long eventsSkipped() {
    return eventsSkipped.get();
  }

  /** Records whose value did not deserialize. */
  public long eventsUndecodable() {
    return eventsUndecodable.get();
  }

  public long versionsPublished() {
    return versionsPublished.get();
  }

  /** New models not published because they were worse than the current one. */
  public long publishRefusals() {
    return publishRefusals.get();
  }

  /** Retrainings that failed (too few events, unfit data, publishing error). */
  public long trainingFailures() {
    return trainingFailures.get();
  }

  /** Events in the window now. */
  public int windowSize() {
    return windowSize;
  }

  /** Wall time of the last retraining, published or not. */
  public Duration lastTrainingDuration() {
    return lastTrainingDuration;
  }

  /** Held-out NLL of the last fitted model, published or not; NaN before the first. */
  public double lastValidationNll() {
    return lastValidationNll;
  }

  /** Registers the meters of the table above, which read these counts when scraped. */
  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "surprisal.trainer.events.consumed", "Records read from the input topic.",
        TrainerMetrics::eventsConsumed);
    counter(registry, "surprisal.trainer.events.skipped", "Events that lacked a feature or had a null or"
        + " non-finite one.", TrainerMetrics::eventsSkipped);
    counter(registry, "surprisal.trainer.events.undecodable", "Records whose value did not deserialize.",
        TrainerMetrics::eventsUndecodable);
    counter(registry, "surprisal.trainer.versions.published", "Model versions published to the models topic.",
        TrainerMetrics::versionsPublished);
    counter(registry, "surprisal.trainer.publish.refusals", "New models not published because they were worse"
        + " than the current one.", TrainerMetrics::publishRefusals);
    counter(registry, "surprisal.trainer.training.failures", "Retrainings that failed.",
        TrainerMetrics::trainingFailures);
    Gauge.builder("surprisal.trainer.window.size", this, TrainerMetrics::windowSize)
        .description("Events in the training window.")
        .strongReference(true)
        .register(registry);
    TimeGauge.builder("surprisal.trainer.training.duration", this, TimeUnit.NANOSECONDS,
            m -> m.lastTrainingDuration().toNanos())
        .description("Wall time of the last retraining, published or not.")
        .strongReference(true)
        .register(registry);
    Gauge.builder("surprisal.trainer.validation.nll", this, TrainerMetrics::lastValidationNll)
        .description("Held-out negative log-likelihood (nats per event) of the last fitted model; NaN before the"
            + " first.")
        .strongReference(true)
        .register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<TrainerMetrics> count) {
    FunctionCounter.builder(name, this, count)
        .description(description)
        .register(registry);
  }

  void consumed() {
    eventsConsumed.incrementAndGet();
  }

  void skipped() {
    eventsSkipped.incrementAndGet();
  }

  void undecodable() {
    eventsUndecodable.incrementAndGet();
  }

  void published() {
    versionsPublished.incrementAndGet();
  }

  void refused() {
    publishRefusals.incrementAndGet();
  }

  void failed() {
    trainingFailures.incrementAndGet();
  }

  void windowSize(int size) {
    windowSize = size;
  }

  void trained(Duration duration, double validationNll) {
    lastTrainingDuration = duration;
    lastValidationNll = validationNll;
  }
}
