package io.surprisal.detect;

import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.serde.AvroSerde;
import io.surprisal.serde.AvroSerdeConfig;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Typed registry serdes for surprisal's own generated records ({@code io.surprisal.avro}). */
public final class SpecificAvroSerde {
  /** The package of surprisal's generated classes, the only one the readers may instantiate. */
  public static final String TRUSTED_PACKAGE = "io.surprisal.avro";

  private SpecificAvroSerde() {}

  /**
   * A value serde for {@code type} over {@code client}: writes as {@code config} says (subject
   * strategy, auto-registration) and reads into the generated class.
   */
  public static <T extends SpecificRecord> Serde<T> of(Class<T> type, SchemaRegistryClient client,
      AvroSerdeConfig config) {
    AvroSerde avro = AvroSerde.create(client, specific(config), false);
    Serializer<T> serializer = (topic, value) -> avro.serializer().serialize(topic, value);
    Deserializer<T> deserializer = (topic, bytes) -> {
      Object value = avro.deserializer().deserialize(topic, bytes);
      if (value != null && !type.isInstance(value)) {
        throw new SerializationException("a record of topic '" + topic + "' is a " + value.getClass().getName()
            + ", not a " + type.getName());
      }
      return type.cast(value);
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** {@code config} reading into generated classes of {@value #TRUSTED_PACKAGE}. */
  public static AvroSerdeConfig specific(AvroSerdeConfig config) {
    return new AvroSerdeConfig(config.autoRegisterSchemas(), config.useLatestVersion(),
        config.keySubjectNameStrategy(), config.valueSubjectNameStrategy(), true, List.of(TRUSTED_PACKAGE),
        Optional.empty());
  }

  /** {@code config} reading generic records in each writer's own schema, whatever it is. */
  static AvroSerdeConfig generic(AvroSerdeConfig config) {
    return new AvroSerdeConfig(config.autoRegisterSchemas(), config.useLatestVersion(),
        config.keySubjectNameStrategy(), config.valueSubjectNameStrategy(), false, List.of(), Optional.empty());
  }
}
