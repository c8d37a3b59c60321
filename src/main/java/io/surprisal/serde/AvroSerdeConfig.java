package io.surprisal.serde;

import io.surprisal.registry.ConfigReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;

/**
 * The Avro serde's own settings (the registry client's are in
 * {@link io.surprisal.registry.SchemaRegistryConfig}; both read the same map).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>{@value #AUTO_REGISTER}</td><td>register the value's schema (default true);
 *       wins over {@value #USE_LATEST}, as in Confluent's serializer</td></tr>
 *   <tr><td>{@value #USE_LATEST}</td><td>write with the subject's latest schema (default false);
 *       a value of another schema is converted into it by Avro schema resolution</td></tr>
 *   <tr><td>{@value #KEY_STRATEGY}, {@value #VALUE_STRATEGY}</td><td>see {@link SubjectNameStrategy}</td></tr>
 *   <tr><td>{@value #SPECIFIC_READER}</td><td>deserialize into generated SpecificRecord classes (default false)</td></tr>
 *   <tr><td>{@value #TRUSTED_PACKAGES}</td><td>surprisal's own: comma-separated packages whose
 *       generated classes the deserializer may instantiate (see {@link TrustedSpecificData})</td></tr>
 *   <tr><td>{@value #READER_SCHEMA}</td><td>surprisal's own: the reader schema (a {@link Schema}
 *       or its JSON text) into which each writer schema is resolved; default: the writer's</td></tr>
 * </table>
 *
 * <p>{@code latest.compatibility.strict} is accepted and ignored: conversion into the latest
 * schema always needs that schema to be able to read the value's schema, so it is always checked.
 */
public record AvroSerdeConfig(
    boolean autoRegisterSchemas,
    boolean useLatestVersion,
    SubjectNameStrategy keySubjectNameStrategy,
    SubjectNameStrategy valueSubjectNameStrategy,
    boolean specificAvroReader,
    List<String> trustedPackages,
    Optional<Schema> readerSchema) {

  public static final String AUTO_REGISTER = "auto.register.schemas";
  public static final String USE_LATEST = "use.latest.version";
  public static final String KEY_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_STRATEGY = "value.subject.name.strategy";
  public static final String SPECIFIC_READER = "specific.avro.reader";
  public static final String TRUSTED_PACKAGES = "specific.avro.trusted.packages";
  public static final String READER_SCHEMA = "avro.reader.schema";

  public AvroSerdeConfig {
    trustedPackages = List.copyOf(trustedPackages);
    java.util.Objects.requireNonNull(keySubjectNameStrategy, KEY_STRATEGY);
    java.util.Objects.requireNonNull(valueSubjectNameStrategy, VALUE_STRATEGY);
    java.util.Objects.requireNonNull(readerSchema, READER_SCHEMA);
  }

  /** The defaults: auto-register, topic-name subjects, generic records. */
  public static AvroSerdeConfig defaults() {
    return parse(Map.of());
  }

  /**
   * Reads and validates the serde settings; other keys are ignored.
   *
   * @throws ConfigException naming the first bad key
   */
  public static AvroSerdeConfig parse(Map<String, ?> configs) {
    var reader = new ConfigReader(configs);
    return new AvroSerdeConfig(
        reader.bool(AUTO_REGISTER, true),
        reader.bool(USE_LATEST, false),
        SubjectNameStrategy.parse(KEY_STRATEGY, reader.raw(KEY_STRATEGY).orElse(null)),
        SubjectNameStrategy.parse(VALUE_STRATEGY, reader.raw(VALUE_STRATEGY).orElse(null)),
        reader.bool(SPECIFIC_READER, false),
        reader.list(TRUSTED_PACKAGES),
        reader.raw(READER_SCHEMA).map(AvroSerdeConfig::readerSchema));
  }

  /** The strategy for keys or for values. */
  public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
    return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
  }

  /** A copy that reads into {@code schema}. */
  public AvroSerdeConfig withReaderSchema(Schema schema) {
    return new AvroSerdeConfig(autoRegisterSchemas, useLatestVersion, keySubjectNameStrategy,
        valueSubjectNameStrategy, specificAvroReader, trustedPackages, Optional.of(schema));
  }

  private static Schema readerSchema(Object value) {
    if (value instanceof Schema schema) {
      return schema;
    }
    try {
      return new Schema.Parser().parse(value.toString());
    } catch (SchemaParseException e) {
      throw new ConfigException(READER_SCHEMA, abbreviate(value.toString()), "not an Avro schema: " + e.getMessage());
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
