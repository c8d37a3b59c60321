package io.surprisal.trainer;

import io.surprisal.avro.FeatureFieldType;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * One feature: a dotted path to a numeric or boolean field of an Avro record ({@code latency.p99_ms}
 * walks into the nested record {@code latency}) and the field's type. Booleans read as 0 and 1.
 * Nullable fields ({@code ["null", T]}) are allowed; a null value reads as missing.
 *
 * @param path  the dotted path
 * @param type  the field's Avro type
 */
public record FeaturePath(String path, FeatureFieldType type) {
  private static final Pattern DOT = Pattern.compile("\\.");

  public FeaturePath {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Resolves {@code path} against a record schema.
   *
   * @throws InvalidFeaturePathException if a step names no field, walks into a non-record, or the
   *     field is not int, long, float, double or boolean
   */
  public static FeaturePath resolve(Schema record, String path) {
    String[] steps = DOT.split(path, -1);
    Schema current = record;
    for (int i = 0; i < steps.length; i++) {
      Schema.Field field = current.getField(steps[i]);
      if (field == null) {
        throw new InvalidFeaturePathException(path, "feature '" + path + "': record " + current.getName()
            + " has no field '" + steps[i] + "'; it has " + current.getFields().stream().map(Schema.Field::name).toList());
      }
      Schema type = nonNull(field.schema());
      if (i < steps.length - 1) {
        if (type == null || type.getType() != Schema.Type.RECORD) {
          throw new InvalidFeaturePathException(path, "feature '" + path + "': field '" + steps[i]
              + "' is " + field.schema() + ", not a record to look into");
        }
        current = type;
      } else {
        FeatureFieldType featureType = type == null ? null : typeOf(type);
        if (featureType == null) {
          throw new InvalidFeaturePathException(path, "feature '" + path + "' is " + field.schema()
              + "; features must be int, long, float, double or boolean");
        }
        return new FeaturePath(path, featureType);
      }
    }
    throw new InvalidFeaturePathException(path, "feature path must not be empty");
  }

  /** The feature's value in {@code record}, or empty if a step is absent or null. NaN is returned as is. */
  public OptionalDouble read(GenericRecord record) {
    Object value = record;
    for (String step : DOT.split(path)) {
      if (!(value instanceof GenericRecord r) || r.getSchema().getField(step) == null) {
        return OptionalDouble.empty();
      }
      value = r.get(step);
    }
    return switch (value) {
      case Boolean b -> OptionalDouble.of(b ? 1 : 0);
      case Number n -> OptionalDouble.of(n.doubleValue());
      case null, default -> OptionalDouble.empty();
    };
  }

  /** The feature type of a primitive schema, or null for any other type (and for logical types). */
  static FeatureFieldType typeOf(Schema schema) {
    return switch (schema.getType()) {
      case INT -> FeatureFieldType.INT;
      case LONG -> FeatureFieldType.LONG;
      case FLOAT -> FeatureFieldType.FLOAT;
      case DOUBLE -> FeatureFieldType.DOUBLE;
      case BOOLEAN -> FeatureFieldType.BOOLEAN;
      default -> null;
    };
  }

  /** The schema itself, or the one non-null branch of {@code ["null", T]}; null for other unions. */
  static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.getFirst() : null;
  }
}
