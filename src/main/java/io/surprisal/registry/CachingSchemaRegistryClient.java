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

  /** A schema object by identity: equal keys are the same object, whatever its content. */
  private record SchemaObject(Schema schema) {
    @Override
    public boolean equals(Object o) {
      return o instanceof SchemaObject other && other.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(schema);
    }
  }

  /** How many schema objects {@link #canonical} remembers; a serde sees one or a few. */
  static final int MAX_SCHEMA_OBJECTS = 1024;

  private final SchemaRegistryClient delegate;
  private final Duration latestTtl;
  private final LongSupplier nanoClock;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySchema = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestBySubject = new ConcurrentHashMap<>();
  private final Map<SchemaObject, String> textBySchemaObject = new ConcurrentHashMap<>();

  /** @param latestTtl how long to keep latest versions; negative keeps them */
  CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl, LongSupplier nanoClock) {
    this.delegate = delegate;
    this.latestTtl = latestTtl;
    this.nanoClock = nanoClock;
  }

  @Override
  public int register(String subject, Schema schema) {
    var key = new SubjectSchema(subject, canonical(schema));
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
    var key = new SubjectSchema(subject, canonical(schema));
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

  /**
   * The schema's JSON text, computed once per schema object. A serializer asks for the id of every
   * record it writes, nearly always with the same schema object (a generated class's, or the one its
   * deserializer decoded with), and {@code Schema.toString()} costs more than encoding a small record:
   * it was 30 % of a Kafka Streams thread writing a score per event, and 45 % of one copying events.
   * Objects beyond {@link #MAX_SCHEMA_OBJECTS} are not remembered (a caller parsing its schema per
   * record would otherwise fill the memory).
   */
  private String canonical(Schema schema) {
    SchemaObject key = new SchemaObject(schema);
    String text = textBySchemaObject.get(key);
    if (text == null) {
      text = schema.toString();
      if (textBySchemaObject.size() < MAX_SCHEMA_OBJECTS) {
        textBySchemaObject.putIfAbsent(key, text);
      }
    }
    return text;
  }

  private void remember(SubjectSchema key, int id, Schema schema) {
    idsBySchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
  }
}
