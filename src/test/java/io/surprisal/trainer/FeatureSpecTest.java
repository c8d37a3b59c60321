package io.surprisal.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.avro.FeatureFieldType;
import io.surprisal.avro.example.Latency;
import io.surprisal.avro.example.ServiceTelemetry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class FeatureSpecTest {
  private static final Schema INNER = SchemaBuilder.record("Inner").fields()
      .requiredFloat("f").optionalDouble("maybe").endRecord();
  private static final Schema OUTER = SchemaBuilder.record("Outer").fields()
      .requiredInt("i").requiredLong("l").requiredBoolean("b").requiredString("s")
      .name("inner").type(INNER).noDefault()
      .name("at").type(org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
      .noDefault()
      .endRecord();

  private static GenericRecord outer(Double maybe, float f) {
    GenericRecord inner = new GenericData.Record(INNER);
    inner.put("f", f);
    inner.put("maybe", maybe);
    GenericRecord r = new GenericData.Record(OUTER);
    r.put("i", 3);
    r.put("l", 4_000_000_000L);
    r.put("b", true);
    r.put("s", "x");
    r.put("inner", inner);
    r.put("at", 17L);
    return r;
  }

  @Test
  void of_noPaths_takesEveryNumericAndBooleanFieldRecursivelyButNotTimestamps() {
    FeatureSpec spec = FeatureSpec.of(OUTER, List.of());

    assertThat(spec.names()).containsExactly("i", "l", "b", "inner.f", "inner.maybe");
    assertThat(spec.paths()).extracting(FeaturePath::type).containsExactly(FeatureFieldType.INT,
        FeatureFieldType.LONG, FeatureFieldType.BOOLEAN, FeatureFieldType.FLOAT, FeatureFieldType.DOUBLE);
  }

  @Test
  void of_serviceTelemetry_defaultsToItsElevenMeasurements() {
    FeatureSpec spec = FeatureSpec.of(ServiceTelemetry.getClassSchema(), List.of());

    assertThat(spec.names()).containsExactly("request_rate", "error_rate", "latency.p50_ms", "latency.p95_ms",
        "latency.p99_ms", "cpu_utilization", "memory_mb", "bytes_in", "bytes_out", "active_connections", "healthy");
  }

  @Test
  void extract_nestedAndEveryType_readsDoublesWithBooleanAsOne() {
    FeatureSpec spec = FeatureSpec.of(OUTER, List.of("inner.f", "i", "l", "b", "inner.maybe"));
    double[] x = new double[5];

    assertThat(spec.extract(outer(2.5, 1.5f), x)).isEmpty();
    assertThat(x).containsExactly(1.5, 3, 4e9, 1, 2.5);
  }

  @Test
  void extract_specificRecord_readsNestedFields() {
    FeatureSpec spec = FeatureSpec.of(ServiceTelemetry.getClassSchema(), List.of("latency.p99_ms", "healthy"));
    ServiceTelemetry event = ServiceTelemetry.newBuilder().setService("s").setInstanceId("i")
        .setTimestamp(Instant.EPOCH).setRequestRate(1).setErrorRate(0).setLatency(new Latency(1.0, 2.0, 3.0))
        .setCpuUtilization(0.5).setMemoryMb(10).setBytesIn(1).setBytesOut(2).setActiveConnections(3)
        .setHealthy(false).build();
    double[] x = new double[2];

    assertThat(spec.extract(event, x)).isEmpty();
    assertThat(x).containsExactly(3.0, 0.0);
  }

  @Test
  void extract_nullValue_isSkippedAsMissing() {
    FeatureSpec spec = FeatureSpec.of(OUTER, List.of("i", "inner.maybe"));

    assertThat(spec.extract(outer(null, 1f), new double[2]))
        .contains(new FeatureSpec.Skip("inner.maybe", FeatureSpec.Skip.Reason.MISSING));
  }

  @Test
  void extract_nan_isSkippedAsNotFinite() {
    FeatureSpec spec = FeatureSpec.of(OUTER, List.of("inner.f"));

    assertThat(spec.extract(outer(1.0, Float.NaN), new double[1]))
        .contains(new FeatureSpec.Skip("inner.f", FeatureSpec.Skip.Reason.NOT_FINITE));
  }

  @Test
  void extract_recordOfAnotherSchemaLackingTheField_isSkippedAsMissing() {
    FeatureSpec spec = FeatureSpec.of(OUTER, List.of("inner.f"));
    Schema older = SchemaBuilder.record("Outer").fields().requiredInt("i").endRecord();
    GenericRecord r = new GenericData.Record(older);
    r.put("i", 1);

    assertThat(spec.extract(r, new double[1]))
        .isEqualTo(Optional.of(new FeatureSpec.Skip("inner.f", FeatureSpec.Skip.Reason.MISSING)));
  }

  @Test
  void of_unknownField_throwsNamingThePathAndTheFields() {
    assertThatThrownBy(() -> FeatureSpec.of(OUTER, List.of("inner.g")))
        .isInstanceOf(InvalidFeaturePathException.class)
        .hasMessageContaining("'inner.g'").hasMessageContaining("no field 'g'").hasMessageContaining("[f, maybe]");
  }

  @Test
  void of_stringField_throwsNamingItsType() {
    assertThatThrownBy(() -> FeatureSpec.of(OUTER, List.of("s")))
        .isInstanceOf(InvalidFeaturePathException.class)
        .hasMessageContaining("feature 's' is \"string\"");
  }

  @Test
  void of_pathThroughAScalar_throws() {
    assertThatThrownBy(() -> FeatureSpec.of(OUTER, List.of("i.x")))
        .isInstanceOf(InvalidFeaturePathException.class)
        .hasMessageContaining("not a record to look into");
  }
}
