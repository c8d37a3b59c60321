package io.surprisal.detect;

import io.surprisal.serde.AvroDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the detector: the one method that both {@link Detector} and the tests drive.
 *
 * <pre>
 *   models topic ──(global: every instance)──▶ ModelUpdateProcessor ──▶ CurrentModel
 *                                                                          │ read once per event
 *   input topic ──▶ ScoringProcessor ──┬─ Alerted ──────▶ alerts topic      ▼
 *                                      ├─ Scored ───────▶ scores topic (optional)
 *                                      └─ DeadLettered ─▶ dead-letter topic
 * </pre>
 */
public final class DetectorTopology {
  /** The global store holding the raw ModelVersion record in force, by model name. */
  public static final String MODEL_STORE = "surprisal-models";

  private DetectorTopology() {}

  /** Adds the detector's global model store and scoring stream to {@code builder}. */
  public static void build(StreamsBuilder builder, DetectorSettings settings, DetectorResources resources) {
    DetectorTopics topics = DetectorTopics.of(settings, resources.registry(), resources.serdeConfig());
    CurrentModel model = resources.model();
    DetectorMetrics metrics = resources.metrics();

    AvroDeserializer modelReader =
        new AvroDeserializer(resources.registry(), SpecificAvroSerde.specific(resources.serdeConfig()));
    ModelAdmission admission = new ModelAdmission(resources.decoder(), resources.inputSchemas(), settings.alpha());
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MODEL_STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        topics.models().name(),
        topics.models().consumed().withName("models"),
        () -> new ModelUpdateProcessor(settings.modelName(), MODEL_STORE, modelReader, admission, model, metrics));

    AvroDeserializer eventReader =
        new AvroDeserializer(resources.registry(), SpecificAvroSerde.generic(resources.serdeConfig()));
    boolean emitScores = topics.scores().isPresent();
    KStream<byte[], Outcome> outcomes = builder
        .stream(topics.input().name(), topics.input().consumed().withName("events"))
        .process(() -> new ScoringProcessor(eventReader, model, metrics, resources.clock(), emitScores,
            settings.attributionsTopK()), Named.as("score"));

    var routes = outcomes.split(Named.as("route-"))
        .branch((key, outcome) -> outcome instanceof Outcome.Alerted, Branched.withConsumer(alerted -> alerted
            .mapValues(outcome -> ((Outcome.Alerted) outcome).alert(), Named.as("alert"))
            .to(topics.alerts().name(), topics.alerts().produced().withName("alerts")), "alerts"))
        .branch((key, outcome) -> outcome instanceof Outcome.DeadLettered, Branched.withConsumer(dead -> dead
            .mapValues(outcome -> ((Outcome.DeadLettered) outcome).value(), Named.as("dead-letter"))
            .to(topics.deadLetters().name(), topics.deadLetters().produced().withName("dead-letters")), "dlq"));
    topics.scores().ifPresent(scores -> routes
        .branch((key, outcome) -> outcome instanceof Outcome.Scored, Branched.withConsumer(scored -> scored
            .mapValues(outcome -> ((Outcome.Scored) outcome).score(), Named.as("score-record"))
            .to(scores.name(), scores.produced().withName("scores")), "scores")));
    routes.noDefaultBranch();
  }
}
