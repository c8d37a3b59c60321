package io.surprisal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.testing.StubHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Serializer behaviour that needs no real registry; a canned local server answers the calls. */
class AvroSerializerTest {
  private StubHttpServer server;
  private SchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    server = new StubHttpServer()
        .answer("POST", "/subjects/t-value/versions", 200, "{\"id\":258}");
    client = SchemaRegistryClient.create(SchemaRegistryConfig.of(server.url()));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void serialize_string_writesHeaderWithBigEndianIdThenAvroString() {
    byte[] bytes = new AvroSerializer(client, AvroSerdeConfig.defaults(), false).serialize("t", "hi");

    // magic 0, id 258 = 0x00000102, then Avro: zig-zag length 2 -> 4, 'h', 'i'
    assertThat(bytes).containsExactly(0, 0, 0, 1, 2, 4, 'h', 'i');
    assertThat(server.received()).singleElement()
        .satisfies(r -> assertThat(r.body()).isEqualTo("{\"schema\":\"\\\"string\\\"\"}"));
  }

  @Test
  void roundTrip_primitives_comeBackAsTheJavaTypesGiven() {
    // The stub gives every schema id 258, so each type gets a client (and id cache) of its own;
    // the deserializer then finds the writer schema in the cache filled by registration.
    for (Object value : new Object[] {"text", 42, 7L, 1.5f, 2.5d, true, new byte[] {1, 2}}) {
      try (SchemaRegistryClient own = SchemaRegistryClient.create(SchemaRegistryConfig.of(server.url()))) {
        byte[] bytes = new AvroSerializer(own, AvroSerdeConfig.defaults(), false).serialize("t", value);
        Object back = new AvroDeserializer(own, AvroSerdeConfig.defaults()).deserialize("t", bytes);

        assertThat(back).as("round trip of %s", value.getClass().getSimpleName()).isEqualTo(value);
      }
    }
  }

  @Test
  void serialize_unsupportedType_failsNamingTheType() {
    var serializer = new AvroSerializer(client, AvroSerdeConfig.defaults(), false);

    assertThatThrownBy(() -> serializer.serialize("t", new java.util.Date()))
        .isInstanceOf(AvroSerializationException.class)
        .hasMessageContaining("java.util.Date")
        .hasMessageContaining("topic 't'");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void serialize_null_isNullWithoutRegistryCall() {
    assertThat(new AvroSerializer(client, AvroSerdeConfig.defaults(), false).serialize("t", null)).isNull();
    assertThat(server.received()).isEmpty();
  }

  @Test
  void serialize_beforeConfigure_failsSayingSo() {
    assertThatThrownBy(() -> new AvroSerializer().serialize("t", "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("configure");
  }
}
