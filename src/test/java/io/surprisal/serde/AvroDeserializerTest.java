package io.surprisal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroDeserializationException.Reason;
import io.surprisal.testing.StubHttpServer;
import io.surprisal.testing.avro.SensorReading;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire-format and decoding failures: each must be an {@link AvroDeserializationException} whose
 * reason and message say what was wrong. The writer schemas come from a canned local server.
 */
class AvroDeserializerTest {
  private static final String TOPIC = "readings";
  private static final Schema READING = SchemaBuilder.record("Reading").namespace("io.example")
      .fields().requiredString("sensor").endRecord();

  private StubHttpServer server;
  private SchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    server = new StubHttpServer()
        .answer("GET", "/schemas/ids/1", 200, schemaAnswer(READING))
        .answer("GET", "/schemas/ids/2", 200, schemaAnswer(SensorReading.getClassSchema()))
        .answer("GET", "/schemas/ids/42", 404, "{\"error_code\":40403,\"message\":\"Schema 42 not found.\"}");
    client = SchemaRegistryClient.create(SchemaRegistryConfig.of(server.url()));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void deserialize_wrongMagicByte_failsWithoutAskingTheRegistry() {
    byte[] json = "{\"sensor\":\"s\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, json))
        .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.WRONG_MAGIC_BYTE);
          assertThat(e.topic()).isEqualTo(TOPIC);
          assertThat(e.schemaId()).isNull();
          assertThat(e.getMessage()).contains("readings", "0x7b", "magic byte 0x00");
        });
    assertThat(server.received()).isEmpty();
  }

  @Test
  void deserialize_payloadShorterThanHeader_failsAsTruncated() {
    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
          assertThat(e.getMessage()).contains("3 byte(s)", "fewer than the 5");
        });
  }

  @Test
  void deserialize_unknownSchemaId_failsWithTheIdAndTheRegistrysAnswer() {
    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, payload(42, new byte[] {2, 'x'})))
        .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
          assertThat(e.reason().transientFailure()).isFalse();
          assertThat(e.schemaId()).isEqualTo(42);
          assertThat(e.getMessage()).contains("schema id 42", "40403", "Schema 42 not found.");
        });
  }

  @Test
  void deserialize_negativeStringLength_failsAsCorruptAvro() {
    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, payload(1, new byte[] {0x7f})))
        .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.CORRUPT_AVRO);
          assertThat(e.schemaId()).isEqualTo(1);
          assertThat(e.getMessage()).contains("do not decode with the writer schema");
        });
  }

  @Test
  void deserialize_avroBodyMissing_failsAsCorruptAvro() {
    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, payload(1, new byte[0])))
        .isInstanceOfSatisfying(AvroDeserializationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT_AVRO));
  }

  @Test
  void deserialize_bytesLeftAfterTheValue_failsAsCorruptAvro() throws Exception {
    byte[] valid = avro(READING, reading("s"));
    byte[] longer = java.util.Arrays.copyOf(valid, valid.length + 1);

    assertThat(deserializer(Map.of()).deserialize(TOPIC, payload(1, valid))).isEqualTo(reading("s"));
    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, payload(1, longer)))
        .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.CORRUPT_AVRO);
          assertThat(e.getMessage()).contains("left over");
        });
  }

  @Test
  void deserialize_readerSchemaThatCannotReadWriter_failsAsIncompatible() throws Exception {
    Schema needsSite = SchemaBuilder.record("Reading").namespace("io.example")
        .fields().requiredString("sensor").requiredString("site").endRecord();
    byte[] bytes = payload(1, avro(READING, reading("s")));

    assertThatThrownBy(() -> deserializer(Map.of(AvroSerdeConfig.READER_SCHEMA, needsSite)).deserialize(TOPIC, bytes))
        .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA);
          assertThat(e.getMessage()).contains("site");
        });
  }

  @Test
  void deserialize_specificReaderWithoutTrustedPackage_failsNamingTheSetting() throws Exception {
    var reading = SensorReading.newBuilder().setSensor("s").setValue(1.0).build();
    byte[] bytes = payload(2, avro(SensorReading.getClassSchema(), reading));

    assertThatThrownBy(() -> deserializer(Map.of(AvroSerdeConfig.SPECIFIC_READER, true)).deserialize(TOPIC, bytes))
        .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.READER_CLASS_UNAVAILABLE);
          assertThat(e.getMessage()).contains(SensorReading.class.getName(), AvroSerdeConfig.TRUSTED_PACKAGES);
        });
    Object read = deserializer(Map.of(AvroSerdeConfig.SPECIFIC_READER, true,
        AvroSerdeConfig.TRUSTED_PACKAGES, "io.surprisal.testing.avro")).deserialize(TOPIC, bytes);
    assertThat(read).isEqualTo(reading);
  }

  @Test
  void deserialize_registryUnreachable_failsAsTransientRegistryFailure() throws Exception {
    int deadPort;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      deadPort = socket.getLocalPort();
    }
    try (var dead = SchemaRegistryClient.create(Map.of(SchemaRegistryConfig.URL, "http://127.0.0.1:" + deadPort,
        SchemaRegistryConfig.MAX_RETRIES, 0))) {
      var deserializer = new AvroDeserializer(dead, AvroSerdeConfig.defaults());

      assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload(1, new byte[] {2, 's'})))
          .isInstanceOfSatisfying(AvroDeserializationException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.REGISTRY_FAILURE);
            assertThat(e.reason().transientFailure()).isTrue();
            assertThat(e.getMessage()).contains("unavailable", String.valueOf(deadPort));
          });
    }
  }

  @Test
  void deserialize_null_isNull() {
    assertThat(deserializer(Map.of()).deserialize(TOPIC, null)).isNull();
  }

  private AvroDeserializer deserializer(Map<String, Object> settings) {
    return new AvroDeserializer(client, AvroSerdeConfig.parse(settings));
  }

  private static GenericRecord reading(String sensor) {
    GenericRecord record = new GenericData.Record(READING);
    record.put("sensor", sensor);
    return record;
  }

  static byte[] payload(int schemaId, byte[] avro) {
    var out = new ByteArrayOutputStream();
    WireFormat.writeHeader(out, schemaId);
    out.writeBytes(avro);
    return out.toByteArray();
  }

  private static byte[] avro(Schema schema, Object value) throws Exception {
    var out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    // Not SpecificDatumWriter(schema): it looks the class up through Avro's global allow-list.
    new GenericDatumWriter<>(schema, org.apache.avro.specific.SpecificData.getForClass(value.getClass()))
        .write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static String schemaAnswer(Schema schema) {
    return "{\"schema\":" + quote(schema.toString()) + "}";
  }

  private static String quote(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
