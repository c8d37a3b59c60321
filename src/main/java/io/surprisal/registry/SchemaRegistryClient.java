package io.surprisal.registry;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A client for the Confluent Schema Registry REST API, which Apicurio Registry also serves under
 * {@code /apis/ccompat/v7}. Avro schemas only.
 *
 * <p>Schemas are always sent in one canonical text, Avro's own compact JSON rendering of the
 * parsed schema ({@link Schema#toString()}), so that schemas differing only in whitespace or
 * attribute order get the same id (Apicurio stores the text as sent and would otherwise hand out a
 * new id). Unlike the Parsing Canonical Form this keeps defaults, docs and logical types, which
 * compatibility checks and readers need.
 *
 * <p>Every method throws {@link SchemaRegistryException} when the registry refuses the call (4xx),
 * {@link SchemaRegistryUnavailableException} when no URL answered within the retries and
 * {@link RegistryProtocolException} when the answer is not what the API specifies.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** Registers the schema under the subject (or finds it there) and returns its id. */
  int register(String subject, Schema schema);

  /** The schema with this registry-wide id. */
  Schema schemaById(int id);

  /** The newest version registered under the subject. */
  RegisteredSchema latest(String subject);

  /** The id of the schema if it is registered under the subject; 404 (40403) if it is not. */
  int idOf(String subject, Schema schema);

  /** Whether the schema could be registered under the subject now, given its compatibility level. */
  CompatibilityResult testCompatibility(String subject, Schema schema);

  /** The subject's compatibility level, or the global one if the subject has none of its own. */
  Compatibility getCompatibility(String subject);

  /** Sets the subject's own compatibility level. */
  void setCompatibility(String subject, Compatibility level);

  /** All subject names. */
  List<String> subjects();

  /** Releases the HTTP client. */
  @Override
  void close();

  /** A caching client over the REST API; see {@link SchemaRegistryConfig} for the keys. */
  static SchemaRegistryClient create(SchemaRegistryConfig config) {
    return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(config), config.latestCacheTtl(),
        System::nanoTime);
  }

  /** As {@link #create(SchemaRegistryConfig)}, reading the config from Kafka-style properties. */
  static SchemaRegistryClient create(Map<String, ?> configs) {
    return create(SchemaRegistryConfig.parse(configs));
  }
}
