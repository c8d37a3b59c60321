package io.surprisal.detect;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * The model's features as field paths into an input record ({@code request_rate},
 * {@code latency.p99_ms} into a nested record), and how to read them from any Avro record: int,
 * long, float and double fields give their value, boolean fields 1 or 0. Thread-safe.
 */
public final class FeaturePaths {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<String> names;
  private final String[][] segments;
  /**
   * The field each segment resolved to in the last record schema seen there: a topic's events
   * share their schema, and a field lookup by name is a hash lookup per feature and event. A race
   * between threads only costs a lookup (each entry is an immutable pair).
   */
  private final ResolvedField[][] resolved;

  private record ResolvedField(Schema schema, Schema.Field field) {}

  private FeaturePaths(List<String> names, String[][] segments) {
    this.names = names;
    this.segments = segments;
    this.resolved = new ResolvedField[segments.length][];
    for (int j = 0; j < segments.length; j++) {
      resolved[j] = new ResolvedField[segments[j].length];
    }
  }

  /**
   * @param paths dot-separated Avro field names, one per feature in the model's order
   * @throws IllegalArgumentException if a path is not made of Avro field names
   */
  public static FeaturePaths of(List<String> paths) {
    String[][] segments = new String[paths.size()][];
    for (int j = 0; j < paths.size(); j++) {
      String path = paths.get(j);
      segments[j] = path.split("\\.", -1);
      for (String segment : segments[j]) {
        if (!NAME.matcher(segment).matches()) {
          throw new IllegalArgumentException("feature path '" + path + "' is not a dot-separated list of Avro"
              + " field names");
        }
      }
    }
    return new FeaturePaths(List.copyOf(paths), segments);
  }

  /** The paths, in feature order. */
  public List<String> names() {
    return names;
  }

  /**
   * The feature vector of an event.
   *
   * @param value the decoded event value
   * @throws UnscorableEventException NOT_A_RECORD, MISSING_FEATURE, NULL_FEATURE, NOT_A_NUMBER or
   *     NOT_FINITE, naming the first feature at fault
   */
  public double[] read(Object value) throws UnscorableEventException {
    if (!(value instanceof IndexedRecord record)) {
      throw new UnscorableEventException(DeadLetterCode.NOT_A_RECORD, null, "the value is a "
          + (value == null ? "null" : value.getClass().getSimpleName()) + ", not an Avro record");
    }
    double[] x = new double[segments.length];
    for (int j = 0; j < segments.length; j++) {
      x[j] = read(record, j);
    }
    return x;
  }

  private double read(IndexedRecord root, int j) throws UnscorableEventException {
    String path = names.get(j);
    String[] fields = segments[j];
    Object value = root;
    Schema schema = root.getSchema();
    for (int s = 0; s < fields.length; s++) {
      if (!(value instanceof IndexedRecord record)) {
        throw new UnscorableEventException(DeadLetterCode.MISSING_FEATURE, path, "feature '" + path + "': '"
            + String.join(".", List.of(fields).subList(0, s)) + "' is a " + typeName(schema, value)
            + ", not a record");
      }
      Schema.Field field = field(record.getSchema(), j, s);
      if (field == null) {
        throw new UnscorableEventException(DeadLetterCode.MISSING_FEATURE, path, "feature '" + path + "': record "
            + record.getSchema().getFullName() + " has no field '" + fields[s] + "'");
      }
      value = record.get(field.pos());
      schema = field.schema();
      if (value == null) {
        throw new UnscorableEventException(DeadLetterCode.NULL_FEATURE, path, "feature '" + path + "' is null"
            + (s < fields.length - 1 ? " (its record '" + fields[s] + "' is null)" : ""));
      }
    }
    double x = switch (value) {
      case Integer i -> i;
      case Long l -> l;
      case Float f -> f;
      case Double d -> d;
      case Boolean b -> b ? 1 : 0;
      default -> throw new UnscorableEventException(DeadLetterCode.NOT_A_NUMBER, path, "feature '" + path
          + "' is a " + typeName(schema, value) + ", not an int, long, float, double or boolean");
    };
    if (!Double.isFinite(x)) {
      throw new UnscorableEventException(DeadLetterCode.NOT_FINITE, path, "feature '" + path + "' is " + x);
    }
    return x;
  }

  private Schema.Field field(Schema recordSchema, int j, int s) {
    ResolvedField last = resolved[j][s];
    if (last != null && last.schema() == recordSchema) {
      return last.field();
    }
    Schema.Field field = recordSchema.getField(segments[j][s]);
    if (field != null) {
      resolved[j][s] = new ResolvedField(recordSchema, field);
    }
    return field;
  }

  /** The Avro type of a value of a field ("string", "array"...), resolving unions. */
  private static String typeName(Schema schema, Object value) {
    Schema branch = schema;
    if (schema.getType() == Schema.Type.UNION) {
      try {
        branch = schema.getTypes().get(GenericData.get().resolveUnion(schema, value));
      } catch (RuntimeException e) {
        return value.getClass().getSimpleName();
      }
    }
    return branch.getType().getName();
  }

  @Override
  public String toString() {
    return names.toString();
  }
}
