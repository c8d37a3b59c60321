package io.surprisal.trainer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trainer's counters and gauges in one place, so that a metrics endpoint can expose them. All
 * methods are thread-safe.
 */
public final class TrainerMetrics {
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
