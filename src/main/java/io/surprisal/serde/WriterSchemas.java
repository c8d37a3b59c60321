package io.surprisal.serde;

import io.surprisal.registry.RegisteredSchema;
import io.surprisal.registry.RegistryException;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryException;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Decides which registered schema a value is written with, as Confluent's serializer does:
 * register the value's schema ({@code auto.register.schemas}, the default), else use the
 * subject's latest schema ({@code use.latest.version}), else look the value's schema up and fail
 * if the subject does not have it.
 */
final class WriterSchemas {
  /** The id to put in the header and the schema to encode with. */
  record WriterSchema(int id, Schema schema) {}

  private final SchemaRegistryClient client;
  private final AvroSerdeConfig config;

  WriterSchemas(SchemaRegistryClient client, AvroSerdeConfig config) {
    this.client = client;
    this.config = config;
  }

  WriterSchema find(String topic, String subject, Schema valueSchema) {
    try {
      if (config.autoRegisterSchemas()) {
        return new WriterSchema(client.register(subject, valueSchema), valueSchema);
      }
      if (config.useLatestVersion()) {
        return latest(topic, subject, valueSchema);
      }
      return new WriterSchema(client.idOf(subject, valueSchema), valueSchema);
    } catch (SchemaRegistryException e) {
      throw new AvroSerializationException(topic, subject, explain(e), e);
    } catch (RegistryException e) {
      throw new AvroSerializationException(topic, subject, e.getMessage(), e);
    }
  }

  private WriterSchema latest(String topic, String subject, Schema valueSchema) {
    RegisteredSchema latest = client.latest(subject);
    if (!latest.schema().equals(valueSchema)) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), valueSchema).getResult();
      if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        throw new AvroSerializationException(topic, subject, "use.latest.version is set but the latest schema"
            + " (version " + latest.version() + ", id " + latest.id() + ") cannot read the value's schema: "
            + result.getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .collect(Collectors.joining("; ")));
      }
    }
    return new WriterSchema(latest.id(), latest.schema());
  }

  private String explain(SchemaRegistryException e) {
    if (e.httpStatus() == 409) {
      return "the registry refused the schema as incompatible with the subject's earlier versions under its "
          + "compatibility level: " + e.registryMessage();
    }
    if (e.isNotFound() && !config.autoRegisterSchemas()) {
      return (config.useLatestVersion() ? "the subject has no versions" : "the value's schema is not registered"
          + " under the subject") + " and " + AvroSerdeConfig.AUTO_REGISTER + "=false (" + e.registryMessage() + ")";
    }
    return e.getMessage();
  }
}
