package io.surprisal.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the serializer names the registry subject of a record, as Confluent's strategies do.
 * Configured by {@code key.subject.name.strategy} / {@code value.subject.name.strategy} with
 * Confluent's class names or the short class names.
 */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} or {@code <topic>-value} (the default). */
  TOPIC_NAME("TopicNameStrategy"),
  /** The record's full name, e.g. {@code io.example.Reading}, whatever the topic. */
  RECORD_NAME("RecordNameStrategy"),
  /** {@code <topic>-<record full name>}. */
  TOPIC_RECORD_NAME("TopicRecordNameStrategy");

  private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  private final String className;

  SubjectNameStrategy(String className) {
    this.className = className;
  }

  /** The subject for a record of {@code schema} written to {@code topic}. */
  public String subject(String topic, boolean isKey, Schema schema) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case RECORD_NAME -> recordName(topic, schema);
      case TOPIC_RECORD_NAME -> topic + "-" + recordName(topic, schema);
    };
  }

  private String recordName(String topic, Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getFullName();
      default -> throw new AvroSerializationException(topic, null, className + " needs a record, enum or fixed"
          + " schema to name the subject, but the value's schema is '" + schema.getType().getName() + "'");
    };
  }

  /**
   * Accepts {@code io.confluent.kafka.serializers.subject.RecordNameStrategy}, {@code RecordNameStrategy}
   * or {@code RECORD_NAME} (and likewise for the others), or null for the default.
   *
   * @throws ConfigException naming the key and the unknown value
   */
  public static SubjectNameStrategy parse(String key, Object value) {
    if (value == null || value.toString().isBlank()) {
      return TOPIC_NAME;
    }
    String text = value instanceof Class<?> c ? c.getName() : value.toString().trim();
    String simple = text.startsWith(CONFLUENT_PACKAGE) ? text.substring(CONFLUENT_PACKAGE.length()) : text;
    for (SubjectNameStrategy strategy : values()) {
      if (strategy.className.equals(simple) || strategy.name().equals(simple.toUpperCase(Locale.ROOT))) {
        return strategy;
      }
    }
    throw new ConfigException(key, value, "expected one of " + CONFLUENT_PACKAGE
        + "{TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy} or the short names");
  }
}
