package io.surprisal.demo;

import io.surprisal.generate.Simulation;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Demo} runs: the generator's rate, anomaly share and seed, and when the trainer
 * retrains. {@link #defaults()} are the settings measured to give a first model about 15 s after the
 * events start and recall above 0.9 at the default alpha (see the README's demo section).
 *
 * @param rate             events per second the generator writes, above 0
 * @param anomalyRate      share of generated events that are anomalies, in [0, 1]
 * @param seed             seeds the simulation and the training
 * @param retrainInterval  time between the trainer's checks once the first model exists, at least 1 s
 * @param minNewEvents     events the first model needs, and new events each later one needs, at least 100
 * @param windowSize       events the trainer keeps (the newest), at least {@code minNewEvents}
 * @param inputPartitions  partitions of the input topic, 1 to 64
 * @param events           which example events the generator writes
 * @throws IllegalArgumentException naming the value that is out of range
 */
public record DemoSettings(double rate, double anomalyRate, long seed, Duration retrainInterval, int minNewEvents,
    int windowSize, int inputPartitions, Simulation events) {

  public DemoSettings {
    Objects.requireNonNull(retrainInterval, "retrainInterval");
    Objects.requireNonNull(events, "events");
    if (!(rate > 0 && rate <= 1_000_000)) {
      throw new IllegalArgumentException("rate must be above 0 and at most 1000000 events/s, got " + rate);
    }
    if (!(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new IllegalArgumentException("anomaly rate must be in [0, 1], got " + anomalyRate);
    }
    if (retrainInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("retrain interval must be at least 1s, got " + retrainInterval);
    }
    if (minNewEvents < 100) {
      throw new IllegalArgumentException("events per model must be at least 100, got " + minNewEvents);
    }
    if (windowSize < minNewEvents) {
      throw new IllegalArgumentException("window of " + windowSize + " events must hold the " + minNewEvents + " events per model");
    }
    if (inputPartitions < 1 || inputPartitions > 64) {
      throw new IllegalArgumentException("input partitions must be 1 to 64, got " + inputPartitions);
    }
  }

  /**
   * Telemetry at 2000 events/s, 1 % anomalies, seed 1, a model per 5000 events, retrain every 15 s on
   * the newest 10,000.
   */
  public static DemoSettings defaults() {
    return new DemoSettings(2000, 0.01, 1, Duration.ofSeconds(15), 5000, 10_000, 3, Simulation.TELEMETRY);
  }

  public DemoSettings withRate(double eventsPerSecond) {
    return new DemoSettings(eventsPerSecond, anomalyRate, seed, retrainInterval, minNewEvents, windowSize,
        inputPartitions, events);
  }

  public DemoSettings withAnomalyRate(double share) {
    return new DemoSettings(rate, share, seed, retrainInterval, minNewEvents, windowSize, inputPartitions, events);
  }

  public DemoSettings withSeed(long s) {
    return new DemoSettings(rate, anomalyRate, s, retrainInterval, minNewEvents, windowSize, inputPartitions, events);
  }

  public DemoSettings withRetrainInterval(Duration interval) {
    return new DemoSettings(rate, anomalyRate, seed, interval, minNewEvents, windowSize, inputPartitions, events);
  }

  /** A model per {@code perModel} events, from a window of {@code window} events. */
  public DemoSettings withTraining(int perModel, int window) {
    return new DemoSettings(rate, anomalyRate, seed, retrainInterval, perModel, window, inputPartitions, events);
  }

  /** The generator writes the events of {@code simulation}. */
  public DemoSettings withEvents(Simulation simulation) {
    return new DemoSettings(rate, anomalyRate, seed, retrainInterval, minNewEvents, windowSize, inputPartitions,
        simulation);
  }
}
