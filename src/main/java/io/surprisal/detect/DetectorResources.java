package io.surprisal.detect;

import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.serde.AvroSerdeConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * What the detector topology works with besides its settings: made once per detector by
 * {@link Detector} (or by a test), shared by all its stream threads and its global thread.
 *
 * @param registry     the schema registry client of every serde; the caller closes it
 * @param serdeConfig  subject strategies and auto-registration of the alert and score serializers
 * @param inputSchemas the newest input schema, to check each new model against
 * @param decoder      turns a model artifact into a model
 * @param model        the model in force, installed by the global thread
 * @param metrics      counters
 * @param clock        the {@code scored_at} time of alerts and scores
 */
public record DetectorResources(SchemaRegistryClient registry, AvroSerdeConfig serdeConfig,
    InputSchemas inputSchemas, ArtifactDecoder decoder, CurrentModel model, DetectorMetrics metrics, Clock clock) {
  public DetectorResources {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(serdeConfig, "serdeConfig");
    Objects.requireNonNull(inputSchemas, "inputSchemas");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(clock, "clock");
  }
}
