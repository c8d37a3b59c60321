package io.surprisal.trainer;

import io.surprisal.avro.FeatureField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The features of a model: which fields of the event value feed it, in order. Extracts an event's
 * feature vector; an event that lacks a feature or has a null or non-finite value is skipped, not
 * fatal, and the caller counts it.
 */
public final class FeatureSpec {
  private final List<FeaturePath> paths;

  public FeatureSpec(List<FeaturePath> paths) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a feature spec needs at least one feature");
    }
    this.paths = List.copyOf(paths);
  }

  /**
   * The given paths resolved against the value schema, or, if {@code paths} is empty, every int,
   * long, float, double or boolean field of it, recursively in field order. The default leaves out
   * fields with a logical type (timestamps, dates): they are clocks, not measurements.
   *
   * @throws InvalidFeaturePathException if a path is not a numeric or boolean field, or the schema
   *     has no such field at all
   */
  public static FeatureSpec of(Schema valueSchema, List<String> paths) {
    if (valueSchema.getType() != Schema.Type.RECORD) {
      throw new InvalidFeaturePathException(String.join(",", paths),
          "event values must be Avro records to extract features from, got " + valueSchema.getType());
    }
    List<FeaturePath> resolved = new ArrayList<>();
    if (paths.isEmpty()) {
      collect(valueSchema, "", resolved);
      if (resolved.isEmpty()) {
        throw new InvalidFeaturePathException("", "record " + valueSchema.getFullName()
            + " has no numeric or boolean field to use as a feature");
      }
    } else {
      for (String path : paths) {
        resolved.add(FeaturePath.resolve(valueSchema, path));
      }
    }
    return new FeatureSpec(resolved);
  }

  private static void collect(Schema record, String prefix, List<FeaturePath> out) {
    for (Schema.Field field : record.getFields()) {
      Schema type = FeaturePath.nonNull(field.schema());
      if (type == null || type.getLogicalType() != null) {
        continue;
      }
      String path = prefix + field.name();
      if (type.getType() == Schema.Type.RECORD) {
        collect(type, path + ".", out);
      } else if (FeaturePath.typeOf(type) != null) {
        out.add(new FeaturePath(path, FeaturePath.typeOf(type)));
      }
    }
  }

  public List<FeaturePath> paths() {
    return paths;
  }

  public int size() {
    return paths.size();
  }

  /** The feature names (paths), the model's feature names. */
  public List<String> names() {
    return paths.stream().map(FeaturePath::path).toList();
  }

  /** The spec as the {@code features} field of a published model version. */
  public List<FeatureField> toAvro() {
    return paths.stream().map(p -> new FeatureField(p.path(), p.type())).toList();
  }

  /**
   * Writes the event's features into {@code out[0 .. size())}.
   *
   * @return empty on success, else why the event was skipped ({@code out} is then partly written)
   */
  public Optional<Skip> extract(GenericRecord value, double[] out) {
    for (int j = 0; j < paths.size(); j++) {
      OptionalDouble v = paths.get(j).read(value);
      if (v.isEmpty()) {
        return Optional.of(new Skip(paths.get(j).path(), Skip.Reason.MISSING));
      }
      double x = v.getAsDouble();
      if (!Double.isFinite(x)) {
        return Optional.of(new Skip(paths.get(j).path(), Skip.Reason.NOT_FINITE));
      }
      out[j] = x;
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureSpec other && paths.equals(other.paths);
  }

  @Override
  public int hashCode() {
    return paths.hashCode();
  }

  @Override
  public String toString() {
    return "FeatureSpec" + names();
  }

  /** Why an event gave no feature vector. */
  public record Skip(String path, Reason reason) {
    /** What was wrong with the feature. */
    public enum Reason { MISSING, NOT_FINITE }
  }
}
