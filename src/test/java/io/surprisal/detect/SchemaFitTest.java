package io.surprisal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.FeatureField;
import io.surprisal.avro.FeatureFieldType;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaFitTest {
  @Test
  void problems_specOfTheSchema_isEmpty() {
    assertThat(SchemaFit.problems(HostReadings.SPEC, HostReadings.SCHEMA)).isEmpty();
  }

  @Test
  void problems_numericFieldOfAnotherWidth_fits() {
    Schema evolved = SchemaBuilder.record("R").fields()
        .requiredLong("connections")
        .name("load").type().unionOf().nullType().and().doubleType().endUnion().nullDefault()
        .endRecord();
    List<FeatureField> spec = List.of(new FeatureField("connections", FeatureFieldType.INT),
        new FeatureField("load", FeatureFieldType.FLOAT));

    assertThat(SchemaFit.problems(spec, evolved)).isEmpty();
  }

  @Test
  void problems_eachFeatureThatDoesNotFit_isNamedWithWhy() {
    List<FeatureField> spec = List.of(
        new FeatureField("load", FeatureFieldType.FLOAT),
        new FeatureField("latency.p50_ms", FeatureFieldType.DOUBLE),
        new FeatureField("host", FeatureFieldType.DOUBLE),
        new FeatureField("host.size", FeatureFieldType.DOUBLE),
        new FeatureField("healthy", FeatureFieldType.DOUBLE),
        new FeatureField("connections", FeatureFieldType.BOOLEAN),
        new FeatureField("latency", FeatureFieldType.DOUBLE));

    assertThat(SchemaFit.problems(spec, HostReadings.SCHEMA)).containsExactly(
        "'latency.p50_ms': io.example.hosts.Latency has no field 'p50_ms'",
        "'host' is string in io.example.hosts.HostReading but the model reads it as DOUBLE",
        "'host.size': 'host' is not a record in io.example.hosts.HostReading",
        "'healthy' is boolean in io.example.hosts.HostReading but the model reads it as DOUBLE",
        "'connections' is int in io.example.hosts.HostReading but the model reads it as BOOLEAN",
        "'latency' is record in io.example.hosts.HostReading but the model reads it as DOUBLE");
  }
}
