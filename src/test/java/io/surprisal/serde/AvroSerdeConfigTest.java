package io.surprisal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

  @Test
  void parse_empty_givesConfluentDefaults() {
    var config = AvroSerdeConfig.parse(Map.of());

    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.specificAvroReader()).isFalse();
    assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    assertThat(config.readerSchema()).isEmpty();
  }

  @Test
  void parse_allKeys_areRead() {
    var config = AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.AUTO_REGISTER, "FALSE",
        AvroSerdeConfig.USE_LATEST, true,
        AvroSerdeConfig.KEY_STRATEGY, "RecordNameStrategy",
        AvroSerdeConfig.VALUE_STRATEGY, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
        AvroSerdeConfig.SPECIFIC_READER, "true",
        AvroSerdeConfig.TRUSTED_PACKAGES, "com.a, com.b",
        AvroSerdeConfig.READER_SCHEMA, "\"long\""));

    assertThat(config.autoRegisterSchemas()).isFalse();
    assertThat(config.useLatestVersion()).isTrue();
    assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.RECORD_NAME);
    assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
    assertThat(config.specificAvroReader()).isTrue();
    assertThat(config.trustedPackages()).containsExactly("com.a", "com.b");
    assertThat(config.readerSchema()).contains(Schema.create(Schema.Type.LONG));
  }

  @Test
  void parse_nonBooleanFlag_failsNamingKeyAndValue() {
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.AUTO_REGISTER, "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AvroSerdeConfig.AUTO_REGISTER)
        .hasMessageContaining("yes");
  }

  @Test
  void parse_readerSchemaThatDoesNotParse_failsNamingTheKey() {
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.READER_SCHEMA, "{\"type\":\"recrod\"}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AvroSerdeConfig.READER_SCHEMA)
        .hasMessageContaining("not an Avro schema");
  }
}
