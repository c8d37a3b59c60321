package io.surprisal.serde;

import io.surprisal.registry.RegistryException;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryException;
import io.surprisal.serde.AvroDeserializationException.Reason;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * One {@link DatumReader} per writer schema id: fetches the writer's schema, picks the reader
 * schema (the configured one; else, for specific.avro.reader, the generated class named like the
 * writer's schema; else the writer's own) and checks that Avro can resolve one into the other.
 * Readers are thread-safe and cached for the life of the deserializer; failures are not cached.
 */
final class DatumReaders {
  private final SchemaRegistryClient client;
  private final AvroSerdeConfig config;
  private final ClassLoader loader;
  private final Map<Integer, DatumReader<Object>> byWriterId = new ConcurrentHashMap<>();

  DatumReaders(SchemaRegistryClient client, AvroSerdeConfig config, ClassLoader loader) {
    this.client = client;
    this.config = config;
    this.loader = loader;
  }

  DatumReader<Object> forWriter(String topic, int id) {
    DatumReader<Object> cached = byWriterId.get(id);
    if (cached != null) {
      return cached;
    }
    DatumReader<Object> reader = create(topic, id, writerSchema(topic, id));
    DatumReader<Object> raced = byWriterId.putIfAbsent(id, reader);
    return raced == null ? reader : raced;
  }

  private Schema writerSchema(String topic, int id) {
    try {
      return client.schemaById(id);
    } catch (SchemaRegistryException e) {
      Reason reason = e.isNotFound() ? Reason.UNKNOWN_SCHEMA_ID : Reason.REGISTRY_FAILURE;
      String what = e.isNotFound() ? "the registry has no schema with this id" : "the registry refused the lookup";
      throw new AvroDeserializationException(topic, reason, id, what + " (HTTP " + e.httpStatus()
          + ", error_code " + e.errorCode() + ": " + e.registryMessage() + ")", e);
    } catch (RegistryException e) {
      throw new AvroDeserializationException(topic, Reason.REGISTRY_FAILURE, id, e.getMessage(), e);
    }
  }

  private DatumReader<Object> create(String topic, int id, Schema writer) {
    if (!config.specificAvroReader()) {
      Schema reader = config.readerSchema().orElse(writer);
      checkResolvable(topic, id, writer, reader);
      return new GenericDatumReader<>(writer, reader, GenericData.get());
    }
    var data = new TrustedSpecificData(loader, config.trustedPackages());
    Schema named = config.readerSchema().orElse(writer);
    Class<?> generated = generatedClass(topic, id, data, named);
    data.addConversionsOf(generated);
    Schema reader = config.readerSchema().orElseGet(() -> data.getSchema(generated));
    checkResolvable(topic, id, writer, reader);
    return new SpecificDatumReader<>(writer, reader, data);
  }

  private Class<?> generatedClass(String topic, int id, TrustedSpecificData data, Schema schema) {
    if (schema.getType() != Schema.Type.RECORD) {
      throw new AvroDeserializationException(topic, Reason.READER_CLASS_UNAVAILABLE, id,
          "specific.avro.reader needs a record schema, got '" + schema.getType().getName() + "'", null);
    }
    String name = TrustedSpecificData.getClassName(schema);
    Class<?> type;
    try {
      // Our trusted packages first; any other name goes through Avro's global allow-list.
      type = data.getClass(schema);
    } catch (SecurityException | AvroRuntimeException e) {
      throw new AvroDeserializationException(topic, Reason.READER_CLASS_UNAVAILABLE, id, "class " + name
          + " is not in a trusted package; list its package in " + AvroSerdeConfig.TRUSTED_PACKAGES
          + " (trusted now: " + config.trustedPackages() + ")", e);
    }
    if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
      throw new AvroDeserializationException(topic, Reason.READER_CLASS_UNAVAILABLE, id, "no generated "
          + "SpecificRecord class " + name + " on the class path", null);
    }
    return type;
  }

  private static void checkResolvable(String topic, int id, Schema writer, Schema reader) {
    if (writer.equals(reader)) {
      return;
    }
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      String problems = result.getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
          .collect(Collectors.joining("; "));
      throw new AvroDeserializationException(topic, Reason.INCOMPATIBLE_SCHEMA, id, "the reader schema "
          + reader.getFullName() + " cannot read data written with writer schema " + writer.getFullName()
          + ": " + problems, null);
    }
  }
}
