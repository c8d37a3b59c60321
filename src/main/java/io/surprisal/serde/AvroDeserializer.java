package io.surprisal.serde;

import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.serde.AvroDeserializationException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format: takes the writer's schema by the id in the header from the
 * registry and resolves it into the reader schema (the configured {@code avro.reader.schema},
 * else with {@code specific.avro.reader} the generated class of the writer schema's name, else
 * the writer schema itself). Returns GenericRecords, SpecificRecords or Java primitives.
 *
 * <p>Every failure is an {@link AvroDeserializationException} whose {@link
 * AvroDeserializationException#reason() reason} tells a bad record (wrong magic byte, truncated,
 * unknown schema id, corrupt Avro, incompatible schema) from a registry outage.
 */
public final class AvroDeserializer implements Deserializer<Object> {
  private volatile Setup setup;

  private record Setup(SchemaRegistryClient client, boolean ownsClient, DatumReaders readers) {}

  /** For Kafka, which calls {@link #configure} next. */
  public AvroDeserializer() {}

  /** A ready deserializer that uses (and does not close) {@code client}. */
  public AvroDeserializer(SchemaRegistryClient client, AvroSerdeConfig config) {
    this.setup = setup(Objects.requireNonNull(client, "client"), false, config);
  }

  /** Reads the settings and creates a registry client; a no-op on an instance built ready. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (setup == null) {
      AvroSerdeConfig config = AvroSerdeConfig.parse(configs);
      setup = setup(SchemaRegistryClient.create(configs), true, config);
    }
  }

  private static Setup setup(SchemaRegistryClient client, boolean owns, AvroSerdeConfig config) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = AvroDeserializer.class.getClassLoader();
    }
    return new Setup(client, owns, new DatumReaders(client, config, loader));
  }

  @Override
  public Object deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    Setup s = setup;
    if (s == null) {
      throw new IllegalStateException("AvroDeserializer used before configure(...) was called");
    }
    int id = WireFormat.schemaId(topic, payload);
    DatumReader<Object> reader = s.readers().forWriter(topic, id);
    int length = payload.length - WireFormat.HEADER_SIZE;
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, WireFormat.HEADER_SIZE, length, null);
    Object value;
    boolean leftOver;
    try {
      value = reader.read(null, decoder);
      leftOver = !decoder.isEnd();
    } catch (IOException | RuntimeException e) {
      // Corrupt input surfaces as EOFException, AvroRuntimeException, negative lengths, union
      // indexes out of range...: whatever it is, the bytes do not decode with the writer schema.
      throw new AvroDeserializationException(topic, Reason.CORRUPT_AVRO, id, "the " + length
          + " Avro bytes after the header do not decode with the writer schema: " + e, e);
    }
    if (leftOver) {
      throw new AvroDeserializationException(topic, Reason.CORRUPT_AVRO, id, "bytes are left over after the"
          + " value: the " + length + " Avro bytes after the header do not match the writer schema", null);
    }
    return DatumSchemas.toJava(value);
  }

  /** Closes the registry client if {@link #configure} created it. */
  @Override
  public void close() {
    Setup s = setup;
    if (s != null && s.ownsClient()) {
      s.client().close();
    }
  }
}
