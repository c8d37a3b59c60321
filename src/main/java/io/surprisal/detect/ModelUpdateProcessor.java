package io.surprisal.detect;

import io.surprisal.avro.ModelVersion;
import io.surprisal.serde.AvroDeserializationException;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on the global thread of every detector instance over the whole models topic (also while
 * Kafka Streams restores it at start-up): decodes each {@link ModelVersion} of the configured model
 * name, admits it if it is newer than the current model, and installs it in {@link CurrentModel}.
 * A refused version leaves the current model in force, with a WARN line and a metric. The global
 * store keeps the raw record of the version in force, by model name.
 *
 * <p>A registry outage while decoding is not a verdict on the record: the exception goes to Kafka
 * Streams, which stops the detector, so the version is read again after a restart rather than lost.
 */
final class ModelUpdateProcessor implements Processor<byte[], byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(ModelUpdateProcessor.class);

  private final String modelName;
  private final String storeName;
  private final Deserializer<?> deserializer;
  private final ModelAdmission admission;
  private final CurrentModel current;
  private final DetectorMetrics metrics;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, byte[]> store;

  ModelUpdateProcessor(String modelName, String storeName, Deserializer<?> deserializer,
      ModelAdmission admission, CurrentModel current, DetectorMetrics metrics) {
    this.modelName = Objects.requireNonNull(modelName, "modelName");
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
    this.admission = Objects.requireNonNull(admission, "admission");
    this.current = Objects.requireNonNull(current, "current");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String where = where();
    if (record.value() == null) {
      LOG.info("Ignoring a tombstone on the models topic at {}: a model is never unloaded", where);
      return;
    }
    ModelVersion version;
    try {
      version = decode(record.value());
    } catch (ModelRefusedException e) {
      refuse(null, where, e.getMessage());
      return;
    }
    if (!version.getName().equals(modelName)) {
      LOG.debug("Ignoring model '{}' version {} at {}: this detector uses '{}'", version.getName(),
          version.getVersion(), where, modelName);
      return;
    }
    ActiveModel old = current.get();
    if (old != null && version.getVersion() <= old.version()) {
      LOG.info("Ignoring model '{}' version {} at {}: not newer than version {} in force", modelName,
          version.getVersion(), where, old.version());
      return;
    }
    ActiveModel admitted;
    try {
      admitted = admission.admit(version);
    } catch (ModelRefusedException e) {
      refuse(version.getVersion(), where, e.getMessage());
      return;
    }
    if (current.install(admitted)) {
      store.put(modelName, record.value());
      metrics.modelSwapped(admitted.version());
      LOG.info("Model '{}' version {} ({} features, alpha {}) from {} now scores events{}", modelName,
          admitted.version(), admitted.features().names().size(), admitted.alpha(), where,
          old == null ? "" : " (was version " + old.version() + ")");
    }
  }

  private ModelVersion decode(byte[] value) throws ModelRefusedException {
    Object decoded;
    try {
      decoded = deserializer.deserialize(context.recordMetadata().map(RecordMetadata::topic).orElse(null), value);
    } catch (AvroDeserializationException e) {
      if (e.reason().transientFailure()) {
        throw e;
      }
      throw new ModelRefusedException(-1, "not a ModelVersion record: " + e.getMessage(), e);
    }
    if (!(decoded instanceof ModelVersion version)) {
      throw new ModelRefusedException(-1, "not a ModelVersion record but a "
          + decoded.getClass().getName(), null);
    }
    return version;
  }

  private void refuse(Long version, String where, String reason) {
    metrics.modelRefused();
    ActiveModel kept = current.get();
    LOG.warn("Refused model '{}' version {} at {}: {}; {}", modelName, version == null ? "?" : version, where,
        reason, kept == null ? "still no model" : "version " + kept.version() + " stays in force");
  }

  private String where() {
    return context.recordMetadata()
        .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
        .orElse("(unknown offset)");
  }
}
