package io.surprisal.generate;

import io.surprisal.avro.example.SensorReading;

/**
 * One generated sensor reading and its ground truth.
 *
 * @param value       the reading
 * @param anomalyKind {@code mirrored_<sensor>} for an anomaly (see {@link SensorSimulator}), null for a normal reading
 */
public record SensorEvent(SensorReading value, String anomalyKind) implements LabelledEvent {
  /** The pump id. */
  @Override
  public String key() {
    return value.getPumpId();
  }
}
