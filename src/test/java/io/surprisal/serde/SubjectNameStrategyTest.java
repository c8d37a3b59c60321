package io.surprisal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {
  private static final Schema READING = SchemaBuilder.record("Reading").namespace("io.example")
      .fields().requiredString("sensor").endRecord();

  @Test
  void parse_confluentClassAndShortNames_allMapToTheSameStrategy() {
    assertThat(SubjectNameStrategy.parse("k", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
        .isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
    assertThat(SubjectNameStrategy.parse("k", "RecordNameStrategy")).isEqualTo(SubjectNameStrategy.RECORD_NAME);
    assertThat(SubjectNameStrategy.parse("k", "record_name")).isEqualTo(SubjectNameStrategy.RECORD_NAME);
    assertThat(SubjectNameStrategy.parse("k", null)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
  }

  @Test
  void parse_unknownStrategy_failsNamingKeyAndValue() {
    assertThatThrownBy(() -> SubjectNameStrategy.parse("value.subject.name.strategy", "com.acme.Mine"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("value.subject.name.strategy")
        .hasMessageContaining("com.acme.Mine");
  }

  @Test
  void subject_eachStrategy_namesAsConfluentDoes() {
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("t", true, READING)).isEqualTo("t-key");
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("t", false, READING)).isEqualTo("t-value");
    assertThat(SubjectNameStrategy.RECORD_NAME.subject("t", false, READING)).isEqualTo("io.example.Reading");
    assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("t", false, READING)).isEqualTo("t-io.example.Reading");
  }

  @Test
  void subject_recordNameForPrimitive_failsSayingWhy() {
    assertThatThrownBy(() -> SubjectNameStrategy.RECORD_NAME.subject("t", false, Schema.create(Schema.Type.LONG)))
        .isInstanceOf(AvroSerializationException.class)
        .hasMessageContaining("RecordNameStrategy")
        .hasMessageContaining("'long'");
  }
}
