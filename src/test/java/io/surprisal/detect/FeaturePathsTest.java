package io.surprisal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;

class FeaturePathsTest {
  private final FeaturePaths paths = FeaturePaths.of(HostReadings.FEATURES);

  @Test
  void read_floatNestedDoubleIntLongAndBooleanFields_givesTheirValuesInOrder() throws Exception {
    assertThat(paths.read(HostReadings.reading("h", 1.5f, 250.25, 42, 9_000_000_000L, true)))
        .containsExactly(1.5, 250.25, 42, 9_000_000_000.0, 1);
    assertThat(paths.read(HostReadings.reading("h", -2f, 0.0, -1, 0L, false)))
        .containsExactly(-2, 0, -1, 0, 0);
  }

  @Test
  void read_recordsOfTwoSchemasInTurn_eachReadsItsOwnFieldPositions() throws Exception {
    Schema ab = SchemaBuilder.record("ab").fields().requiredDouble("a").requiredDouble("b").endRecord();
    Schema ba = SchemaBuilder.record("ba").fields().requiredDouble("b").requiredDouble("c").requiredDouble("a")
        .endRecord();
    FeaturePaths twoFields = FeaturePaths.of(List.of("a", "b"));
    for (int round = 0; round < 3; round++) { // the second schema evicts the first one's cached fields
      GenericRecord first = new GenericRecordBuilder(ab).set("a", 1.0).set("b", 2.0).build();
      GenericRecord second = new GenericRecordBuilder(ba).set("b", 20.0).set("c", 30.0).set("a", 10.0).build();
      assertThat(twoFields.read(first)).containsExactly(1, 2);
      assertThat(twoFields.read(second)).containsExactly(10, 20);
    }
  }

  @Test
  void read_pathThroughAField_thatIsNoRecord_isAMissingFeature() {
    FeaturePaths throughHost = FeaturePaths.of(List.of("host.length"));

    assertThatThrownBy(() -> throughHost.read(HostReadings.normal("h")))
        .isInstanceOfSatisfying(UnscorableEventException.class, e -> {
          assertThat(e.code()).isEqualTo(DeadLetterCode.MISSING_FEATURE);
          assertThat(e.feature()).isEqualTo("host.length");
          assertThat(e.getMessage()).contains("'host' is a string, not a record");
        });
  }

  @Test
  void read_nullNestedRecord_isANullFeatureNamingTheRecord() {
    assertThatThrownBy(() -> paths.read(HostReadings.reading("h", 1f, null, 1, 1L, true)))
        .isInstanceOfSatisfying(UnscorableEventException.class, e -> {
          assertThat(e.code()).isEqualTo(DeadLetterCode.NULL_FEATURE);
          assertThat(e.feature()).isEqualTo("latency.p99_ms");
          assertThat(e.getMessage()).isEqualTo("feature 'latency.p99_ms' is null (its record 'latency' is null)");
        });
  }

  @Test
  void read_primitiveValue_isNotARecord() {
    assertThatThrownBy(() -> paths.read(42L))
        .isInstanceOfSatisfying(UnscorableEventException.class,
            e -> assertThat(e.code()).isEqualTo(DeadLetterCode.NOT_A_RECORD));
  }

  @Test
  void of_pathsThatAreNotAvroFieldNames_throwNamingThePath() {
    for (String bad : List.of("", "a..b", "latency.", "1st", "a-b")) {
      assertThatThrownBy(() -> FeaturePaths.of(List.of("load", bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }
}
