package io.surprisal.detect;

import io.surprisal.avro.FeatureField;
import io.surprisal.avro.FeatureFieldType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Whether a model's feature spec fits a schema of the input values: every path leads through
 * records to an int, long, float, double or boolean field (nullable unions allowed: a null is
 * dead-lettered per event), and a declared BOOLEAN feature is a boolean field and a numeric one a
 * numeric field. Numeric widths may differ, so that {@code int} can evolve to {@code long}.
 */
final class SchemaFit {
  private static final Set<Schema.Type> NUMERIC =
      EnumSet.of(Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE);

  private SchemaFit() {}

  /** What does not fit, one text per feature at fault; empty when the spec fits the schema. */
  static List<String> problems(List<FeatureField> spec, Schema schema) {
    List<String> problems = new ArrayList<>();
    for (FeatureField feature : spec) {
      String problem = problem(feature, schema);
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  private static String problem(FeatureField feature, Schema root) {
    String path = feature.getPath();
    String[] fields = path.split("\\.", -1);
    Schema schema = root;
    for (int s = 0; s < fields.length; s++) {
      Schema record = nonNull(schema);
      if (record.getType() != Schema.Type.RECORD) {
        return "'" + path + "': '" + String.join(".", List.of(fields).subList(0, s)) + "' is not a record in "
            + root.getFullName();
      }
      Schema.Field field = record.getField(fields[s]);
      if (field == null) {
        return "'" + path + "': " + record.getFullName() + " has no field '" + fields[s] + "'";
      }
      schema = field.schema();
    }
    Schema.Type type = nonNull(schema).getType();
    boolean wantsBoolean = feature.getType() == FeatureFieldType.BOOLEAN;
    boolean fits = wantsBoolean ? type == Schema.Type.BOOLEAN : NUMERIC.contains(type);
    if (!fits) {
      return "'" + path + "' is " + type.getName() + " in " + root.getFullName() + " but the model reads it as "
          + feature.getType();
    }
    return null;
  }

  /** The branch of a ["null", T] union, or the schema itself. */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches = schema.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.get(0) : schema;
  }
}
