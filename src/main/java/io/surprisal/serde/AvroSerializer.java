package io.surprisal.serde;

import io.surprisal.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes GenericRecords, SpecificRecords, enums, fixed values and Java primitives in the
 * Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary), choosing the
 * schema id through the registry as {@link AvroSerdeConfig} says. {@code null} stays {@code null}.
 *
 * <p>Either construct it with a client and settings, or let Kafka construct it by class name
 * and call {@link #configure}, which then creates (and on {@link #close} closes) its own client
 * from the registry keys of the same map.
 *
 * @throws AvroSerializationException from {@link #serialize} when the value cannot be written
 */
public final class AvroSerializer implements Serializer<Object> {
  private volatile Setup setup;

  private record Setup(SchemaRegistryClient client, boolean ownsClient, WriterSchemas writerSchemas,
      SubjectNameStrategy strategy, boolean isKey) {}

  /** For Kafka, which calls {@link #configure} next. */
  public AvroSerializer() {}

  /** A ready serializer that uses (and does not close) {@code client}. */
  public AvroSerializer(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
    this.setup = setup(Objects.requireNonNull(client, "client"), false, config, isKey);
  }

  /** Reads the settings and creates a registry client; a no-op on an instance built ready. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (setup == null) {
      AvroSerdeConfig config = AvroSerdeConfig.parse(configs);
      setup = setup(SchemaRegistryClient.create(configs), true, config, isKey);
    }
  }

  private static Setup setup(SchemaRegistryClient client, boolean owns, AvroSerdeConfig config, boolean isKey) {
    return new Setup(client, owns, new WriterSchemas(client, config), config.subjectNameStrategy(isKey), isKey);
  }

  @Override
  public byte[] serialize(String topic, Object value) {
    if (value == null) {
      return null;
    }
    Setup s = setup;
    if (s == null) {
      throw new IllegalStateException("AvroSerializer used before configure(...) was called");
    }
    Schema valueSchema = DatumSchemas.of(topic, value);
    String subject = s.strategy().subject(topic, s.isKey(), valueSchema);
    WriterSchemas.WriterSchema writer = s.writerSchemas().find(topic, subject, valueSchema);
    try {
      Object datum = writer.schema().equals(valueSchema)
          ? DatumSchemas.toAvro(value)
          : convert(value, valueSchema, writer.schema());
      var out = new ByteArrayOutputStream(64);
      WireFormat.writeHeader(out, writer.id());
      encode(datum, writer.schema(), out);
      return out.toByteArray();
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new AvroSerializationException(topic, subject, "the value does not match schema "
          + writer.schema().getFullName() + " (id " + writer.id() + "): " + e, e);
    }
  }

  /** Re-reads the value, written with its own schema, into {@code target} by Avro schema resolution. */
  private static Object convert(Object value, Schema own, Schema target) throws IOException {
    var buffer = new ByteArrayOutputStream();
    encode(DatumSchemas.toAvro(value), own, buffer);
    var reader = new GenericDatumReader<Object>(own, target, GenericData.get());
    return reader.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
  }

  private static void encode(Object datum, Schema schema, ByteArrayOutputStream out) throws IOException {
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    writerFor(datum, schema).write(datum, encoder);
    encoder.flush();
  }

  @SuppressWarnings("unchecked")
  private static DatumWriter<Object> writerFor(Object datum, Schema schema) {
    if (datum instanceof SpecificRecord || datum instanceof Enum<?>) {
      // The generated class's own model carries its logical-type conversions.
      return new SpecificDatumWriter<>(schema, SpecificData.getForClass((Class<Object>) datum.getClass()));
    }
    return new GenericDatumWriter<>(schema, GenericData.get());
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
