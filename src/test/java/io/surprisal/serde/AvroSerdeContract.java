package io.surprisal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.registry.Compatibility;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroDeserializationException.Reason;
import io.surprisal.testing.SchemaRegistryFixture;
import io.surprisal.testing.avro.SensorReading;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Avro serde must do through any Confluent-compatible registry. Subclasses name the
 * registry; each test uses its own topic and record namespace.
 */
abstract class AvroSerdeContract {
  private final String namespace = "io.surprisal.it.n" + UUID.randomUUID().toString().replace("-", "");
  private final String topic = SchemaRegistryFixture.uniqueTopic("readings");
  private SchemaRegistryClient client;

  /** The base URL of the registry's Confluent-compatible API. */
  protected abstract String registryUrl();

  @BeforeEach
  void connect() {
    client = SchemaRegistryClient.create(SchemaRegistryConfig.of(registryUrl()));
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void roundTrip_genericRecord_writesWireFormatAndReadsItBack() {
    GenericRecord reading = v1Record("s-1");

    byte[] bytes = serializer(Map.of()).serialize(topic, reading);
    Object back = deserializer(Map.of()).deserialize(topic, bytes);

    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(client.idOf(topic + "-value", v1()));
    assertThat(back).isEqualTo(reading);
  }

  @Test
  void deserialize_readerAddedFieldWithDefault_getsTheDefault() {
    byte[] written = serializer(Map.of()).serialize(topic, v1Record("s-2"));

    Object read = deserializer(Map.of(AvroSerdeConfig.READER_SCHEMA, v2())).deserialize(topic, written);

    assertThat(read).isInstanceOfSatisfying(GenericRecord.class, r -> {
      assertThat(r.getSchema()).isEqualTo(v2());
      assertThat(r.get("sensor")).hasToString("s-2");
      assertThat(r.get("unit")).hasToString("C");
    });
  }

  @Test
  void deserialize_readerWithoutAWrittenField_dropsIt() {
    GenericRecord newer = new GenericData.Record(v2());
    newer.put("sensor", "s-3");
    newer.put("unit", "F");
    byte[] written = serializer(Map.of()).serialize(topic, newer);

    Object read = deserializer(Map.of(AvroSerdeConfig.READER_SCHEMA, v1().toString())).deserialize(topic, written);

    assertThat(read).isInstanceOfSatisfying(GenericRecord.class, r -> {
      assertThat(r.getSchema()).isEqualTo(v1());
      assertThat(r.get("sensor")).hasToString("s-3");
      assertThat(r.hasField("unit")).isFalse();
    });
  }

  @Test
  void serialize_useLatestVersionWithoutAutoRegister_writesWithTheLatestSchema() {
    String subject = topic + "-value";
    client.setCompatibility(subject, Compatibility.BACKWARD);
    client.register(subject, v1());
    int latestId = client.register(subject, v2());

    byte[] bytes = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER, false, AvroSerdeConfig.USE_LATEST, true))
        .serialize(topic, v1Record("s-4"));

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    assertThat(deserializer(Map.of()).deserialize(topic, bytes)).isInstanceOfSatisfying(GenericRecord.class, r -> {
      assertThat(r.getSchema()).isEqualTo(v2());
      assertThat(r.get("unit")).hasToString("C");
    });
  }

  @Test
  void serialize_autoRegisterOffAndSchemaUnknown_failsNamingTheSubject() {
    AvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER, "false"));

    assertThatThrownBy(() -> serializer.serialize(topic, v1Record("s-5")))
        .isInstanceOfSatisfying(AvroSerializationException.class, e -> {
          assertThat(e.subject()).isEqualTo(topic + "-value");
          assertThat(e.getMessage()).contains(topic + "-value", "auto.register.schemas=false");
        });
    assertThat(client.subjects()).doesNotContain(topic + "-value");
  }

  @Test
  void serialize_recordNameStrategies_nameSubjectsAfterTheRecord() {
    serializer(Map.of(AvroSerdeConfig.VALUE_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy"))
        .serialize(topic, v1Record("s-6"));
    serializer(Map.of(AvroSerdeConfig.VALUE_STRATEGY, "TopicRecordNameStrategy"))
        .serialize(topic, v1Record("s-6"));

    assertThat(client.subjects()).contains(namespace + ".Reading", topic + "-" + namespace + ".Reading")
        .doesNotContain(topic + "-value");
  }

  @Test
  void roundTrip_specificRecordWithTrustedPackage_readsTheGeneratedClass() {
    SensorReading reading = SensorReading.newBuilder().setSensor("s-7").setValue(21.5).build();
    byte[] bytes = serializer(Map.of()).serialize(topic, reading);

    Object back = deserializer(Map.of(AvroSerdeConfig.SPECIFIC_READER, true,
        AvroSerdeConfig.TRUSTED_PACKAGES, SensorReading.class.getPackageName())).deserialize(topic, bytes);

    assertThat(back).isEqualTo(reading);
  }

  @Test
  void deserialize_unknownSchemaId_failsWithUnknownSchemaIdReason() {
    byte[] bytes = {0, 0x77, 0x35, (byte) 0x93, (byte) 0xff, 2, 'x'};

    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(topic, bytes))
        .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
          assertThat(e.schemaId()).isEqualTo(0x773593ff);
          assertThat(e.getMessage()).contains(topic, "schema id " + 0x773593ff, "no schema with this id");
        });
  }

  private AvroSerializer serializer(Map<String, Object> settings) {
    return new AvroSerializer(client, AvroSerdeConfig.parse(settings), false);
  }

  private AvroDeserializer deserializer(Map<String, Object> settings) {
    return new AvroDeserializer(client, AvroSerdeConfig.parse(new HashMap<>(settings)));
  }

  private GenericRecord v1Record(String sensor) {
    GenericRecord record = new GenericData.Record(v1());
    record.put("sensor", sensor);
    return record;
  }

  private Schema v1() {
    return record("{\"name\":\"sensor\",\"type\":\"string\"}");
  }

  private Schema v2() {
    return record("{\"name\":\"sensor\",\"type\":\"string\"},{\"name\":\"unit\",\"type\":\"string\",\"default\":\"C\"}");
  }

  private Schema record(String fields) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"" + namespace
        + "\",\"fields\":[" + fields + "]}");
  }
}
