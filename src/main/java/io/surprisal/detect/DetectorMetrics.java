package io.surprisal.detect;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the detector counts, in one place: the scoring step and the model updates report here, and
 * whoever exposes metrics (logs, Prometheus) reads {@link #snapshot()}. Implementations are
 * thread-safe: stream threads and the global thread report concurrently.
 */
public interface DetectorMetrics {
  /**
   * An event was scored (alert or not).
   *
   * @param scoringNanos how long scoring took, from reading the event to its score (decoding and
   *     feature extraction included, writing the outcome not)
   */
  void eventScored(long scoringNanos);

  /** A scored event alerted. */
  void alertRaised();

  /** An event went to the dead-letter topic. */
  void deadLettered(DeadLetterCode code);

  /** A model version was accepted and now scores. */
  void modelSwapped(long version);

  /** A model version was refused; the previous model stays. */
  void modelRefused();

  /** The counts so far. */
  Snapshot snapshot();

  /** Counters that start at zero; scoring times are not kept. */
  static DetectorMetrics counting() {
    return new CountingDetectorMetrics();
  }

  /**
   * Counters that start at zero, published to the registry as {@code surprisal.*} meters (see
   * {@link MeteredDetectorMetrics}), with a histogram of scoring times.
   */
  static DetectorMetrics metered(MeterRegistry registry) {
    return new MeteredDetectorMetrics(registry);
  }

  /**
   * The counts at one moment.
   *
   * @param eventsScored  events scored since start
   * @param alerts        alerts written since start
   * @param deadLetters   events dead-lettered since start, by code (every code present)
   * @param modelSwaps    model versions accepted since start
   * @param modelRefusals model versions refused since start
   * @param modelVersion  the version scoring now, empty before the first
   */
  record Snapshot(long eventsScored, long alerts, Map<DeadLetterCode, Long> deadLetters, long modelSwaps,
      long modelRefusals, OptionalLong modelVersion) {
    public Snapshot {
      deadLetters = Map.copyOf(deadLetters);
    }

    /** All dead-lettered events, whatever the code. */
    public long deadLettersTotal() {
      return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
