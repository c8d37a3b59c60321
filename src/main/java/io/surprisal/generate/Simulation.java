package io.surprisal.generate;

import java.time.Instant;

/** The example event streams that {@code generate} and {@code demo} can write. */
public enum Simulation {
  /** {@link TelemetrySimulator}: service telemetry whose anomalies are spikes, bursts and drops. */
  TELEMETRY,
  /** {@link SensorSimulator}: correlated pump sensors whose anomalies break the correlations. */
  SENSORS;

  /**
   * The events of this simulation, without seasonality.
   *
   * @throws IllegalArgumentException if the anomaly rate is outside [0, 1]
   */
  public EventSource events(long seed, double anomalyRate, Instant start) {
    return switch (this) {
      case TELEMETRY -> new TelemetrySimulator(seed, anomalyRate, start);
      case SENSORS -> new SensorSimulator(seed, anomalyRate, start);
    };
  }
}
