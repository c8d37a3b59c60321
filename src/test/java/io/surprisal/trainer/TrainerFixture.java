package io.surprisal.trainer;

import io.surprisal.avro.ModelVersion;
import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.generate.EventProducer;
import io.surprisal.generate.TelemetrySimulator;
import io.surprisal.serde.AvroSerializer;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.SchemaRegistryFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Shared steps of the trainer's integration tests: settings, generated input, waiting, reading versions. */
final class TrainerFixture {
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  private TrainerFixture() {}

  /** Client settings of the test cluster and registry. */
  static Map<String, Object> kafka() {
    Map<String, Object> kafka = KafkaFixture.clientConfig();
    kafka.put("schema.registry.url", SchemaRegistryFixture.url());
    return kafka;
  }

  /** Trainer settings for the topics with small, fast models, then {@code overrides}. */
  static Config config(String input, String models, Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    kafka().forEach((k, v) -> values.put(k, v.toString()));
    values.put("input.topic", input);
    values.put("models.topic", models);
    values.put("model.name", "telemetry");
    values.put("group.id", input + "-trainer");
    values.put("retrain.interval", "300ms");
    values.put("model.hidden", "16");
    values.put("model.layers", "2");
    values.put("model.epochs", "5");
    values.putAll(overrides);
    return Config.of(values, ConfigKeys.ALL);
  }

  /**
   * Writes {@code count} simulated events (1 % anomalies) to the topic, timestamped from now on: the
   * broker's time-based retention would delete events dated long ago.
   */
  static void produce(String topic, long seed, int count) {
    Map<String, Object> kafka = kafka();
    try (AvroSerializer serializer = new AvroSerializer()) {
      serializer.configure(kafka, false);
      try (EventProducer producer = new EventProducer(kafka, serializer, topic)) {
        producer.send(new TelemetrySimulator(seed, 0.01, Instant.now()), count,
            Long.MAX_VALUE, 0, System::nanoTime);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The versions of model "telemetry" on the topic, oldest first. */
  static List<ModelVersion> versions(String models) {
    return ModelsTopic.versionsOf(new ModelsTopic(kafka(), models, TIMEOUT).readAll(), "telemetry");
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
