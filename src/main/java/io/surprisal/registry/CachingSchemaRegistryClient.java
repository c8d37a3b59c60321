package io.surprisal.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;

/**
 * Remembers what the registry said so that a serde asks once per schema, not once per record.
 *
 * <p>Kept for the life of the client, since a registry never changes them: id to schema, and
 * (subject, canonical schema text) to id. {@code latest(subject)} is kept for the configured TTL
 * and forgotten when a schema is registered for that subject through this client. Compatibility
 * answers and subject lists are never cached.
 *
 * <p>Lookups do not use {@code computeIfAbsent}: that would hold a map bin locked during an HTTP
 * call. Two threads may fetch the same entry at once; the registry gives both the same answer.
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {
  private record SubjectSchema(String subject, String canonicalSchema) {}

  private record Latest(RegisteredSchema schema, long fetchedAtNanos) {}

  private final SchemaRegistryClient delegate;
  private final Duration latestTtl;
  private final LongSupplier nanoClock;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySchema = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestBySubject = new ConcurrentHashMap<>();

  /** @param latestTtl how long to keep latest versions; negative keeps them */
  CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl, LongSupplier nanoClock) {
    this.delegate = delegate;
    this.latestTtl = latestTtl;
    this.nanoClock = nanoClock;
  }

  @Override
  public int register(String subject, Schema schema) {
    var key = new SubjectSchema(subject, schema.toString());
    Integer cached = idsBySchema.get(key);
    if (cached != null) {
      return cached;
    }
    int id = delegate.register(subject, schema);
    latestBySubject.remove(subject);
    remember(key, id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema = delegate.schemaById(id);
    Schema raced = schemasById.putIfAbsent(id, schema);
    return raced == null ? schema : raced;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    Latest cached = latestBySubject.get(subject);
    long now = nanoClock.getAsLong();
    if (cached != null && (latestTtl.isNegative() || now - cached.fetchedAtNanos() < latestTtl.toNanos())) {
      return cached.schema();
    }
    RegisteredSchema latest = delegate.latest(subject);
    latestBySubject.put(subject, new Latest(latest, now));
    remember(new SubjectSchema(subject, latest.schema().toString()), latest.id(), latest.schema());
    return latest;
  }

  @Override
  public int idOf(String subject, Schema schema) {
    var key = new SubjectSchema(subject, schema.toString());
    Integer cached = idsBySchema.get(key);
    if (cached != null) {
      return cached;
    }
    int id = delegate.idOf(subject, schema);
    remember(key, id, schema);
    return id;
  }

  @Override
  public CompatibilityResult testCompatibility(String subject, Schema schema) {
    return delegate.testCompatibility(subject, schema);
  }

  @Override
  public Compatibility getCompatibility(String subject) {
    return delegate.getCompatibility(subject);
  }

  @Override
  public void setCompatibility(String subject, Compatibility level) {
    delegate.setCompatibility(subject, level);
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private void remember(SubjectSchema key, int id, Schema schema) {
    idsBySchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
  }
}
