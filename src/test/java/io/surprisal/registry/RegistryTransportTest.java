package io.surprisal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.testing.StubHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's own HTTP behaviour, against a canned local server (not a registry). */
class RegistryTransportTest {

  @Test
  void send_userInfoCredentials_sendsBasicAuthorizationHeader() throws Exception {
    try (var server = new StubHttpServer().answer("GET", "/subjects", 200, "[\"a\"]");
         var client = SchemaRegistryClient.create(Map.of(SchemaRegistryConfig.URL, server.url(),
             SchemaRegistryConfig.CREDENTIALS_SOURCE, "USER_INFO", SchemaRegistryConfig.USER_INFO, "fred:s3cret"))) {

      assertThat(client.subjects()).containsExactly("a");
      String expected = "Basic " + Base64.getEncoder().encodeToString("fred:s3cret".getBytes(StandardCharsets.UTF_8));
      assertThat(server.received()).singleElement().extracting(StubHttpServer.Received::authorization).isEqualTo(expected);
    }
  }

  @Test
  void send_noCredentials_sendsNoAuthorizationHeader() throws Exception {
    try (var server = new StubHttpServer().answer("GET", "/subjects", 200, "[]");
         var client = SchemaRegistryClient.create(Map.of(SchemaRegistryConfig.URL, server.url()))) {
      client.subjects();

      assertThat(server.received()).singleElement().extracting(StubHttpServer.Received::authorization).isNull();
    }
  }

  @Test
  void send_clientErrorWithoutJsonBody_keepsStatusAndRawBodyAndDoesNotRetry() throws Exception {
    try (var server = new StubHttpServer().answer("GET", "/subjects", 401, "<html>login</html>");
         var client = SchemaRegistryClient.create(Map.of(SchemaRegistryConfig.URL, server.url(),
             SchemaRegistryConfig.RETRIES_WAIT_MS, 1))) {

      assertThatThrownBy(client::subjects).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorCode()).isEqualTo(401);
        assertThat(e.registryMessage()).isEqualTo("<html>login</html>");
      });
      assertThat(server.received()).hasSize(1);
    }
  }

  @Test
  void send_subjectWithSpaceAndSlash_isPercentEncodedInThePath() throws Exception {
    try (var server = new StubHttpServer().answer("POST", "/subjects/a%20b%2Fc/versions", 200, "{\"id\":7}");
         var client = SchemaRegistryClient.create(Map.of(SchemaRegistryConfig.URL, server.url()))) {

      int id = client.register("a b/c", org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING));

      assertThat(id).isEqualTo(7);
      assertThat(server.received().get(0).body()).isEqualTo("{\"schema\":\"\\\"string\\\"\"}");
    }
  }

  @Test
  void send_successWithoutExpectedField_failsWithProtocolError() throws Exception {
    try (var server = new StubHttpServer().answer("POST", "/subjects/s/versions", 200, "{\"version\":1}");
         var client = SchemaRegistryClient.create(Map.of(SchemaRegistryConfig.URL, server.url()))) {

      assertThatThrownBy(() -> client.register("s", org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT)))
          .isInstanceOf(RegistryProtocolException.class)
          .hasMessageContaining("'id'")
          .hasMessageContaining("subject 's'");
    }
  }
}
