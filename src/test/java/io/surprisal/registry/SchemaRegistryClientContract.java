package io.surprisal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.testing.CountingProxy;
import io.surprisal.testing.SchemaRegistryFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link SchemaRegistryClient} must do against any Confluent-compatible registry. Subclasses
 * name the registry; each test uses subjects and record names of its own.
 */
abstract class SchemaRegistryClientContract {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final String namespace = "io.surprisal.it.n" + UUID.randomUUID().toString().replace("-", "");

  /** The base URL of the registry's Confluent-compatible API. */
  protected abstract String registryUrl();

  @AfterEach
  void closeResources() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  @Test
  void register_thenLookups_returnTheSameSchemaAndId() {
    String subject = SchemaRegistryFixture.uniqueSubject("lookup");
    int id = client(registryUrl()).register(subject, v1());

    SchemaRegistryClient fresh = client(registryUrl());
    assertThat(fresh.schemaById(id)).isEqualTo(v1());
    assertThat(fresh.idOf(subject, v1())).isEqualTo(id);
    assertThat(fresh.latest(subject)).isEqualTo(new RegisteredSchema(subject, 1, id, v1()));
    assertThat(fresh.subjects()).contains(subject);
  }

  @Test
  void register_schemasDifferingOnlyInWhitespaceAndKeyOrder_getOneIdAndOneVersion() {
    String subject = SchemaRegistryFixture.uniqueSubject("whitespace");
    String pretty = """
        {
          "fields" : [ { "type" : "string", "name" : "sensor" } ],
          "namespace" : "%s",
          "name" :  "Reading",
          "type" : "record"
        }
        """.formatted(namespace);

    // Two clients, so that the second answer cannot come from the first one's cache.
    int fromPretty = client(registryUrl()).register(subject, new Schema.Parser().parse(pretty));
    int fromCompact = client(registryUrl()).register(subject, v1());

    assertThat(fromCompact).isEqualTo(fromPretty);
    assertThat(client(registryUrl()).latest(subject).version()).isEqualTo(1);
  }

  @Test
  void register_repeatedLookups_areServedFromTheCache() throws Exception {
    CountingProxy proxy = closeLater(new CountingProxy(registryUrl()));
    String subject = SchemaRegistryFixture.uniqueSubject("cache");
    SchemaRegistryClient client = client(proxy.url());

    int id = client.register(subject, v1());
    assertThat(client.register(subject, v1())).isEqualTo(id); // an equal schema, another instance
    assertThat(client.idOf(subject, v1())).isEqualTo(id);
    assertThat(client.schemaById(id)).isEqualTo(v1());

    assertThat(proxy.requests()).hasSize(1).first().asString().startsWith("POST ").endsWith("/versions");

    SchemaRegistryClient fresh = client(proxy.url());
    fresh.schemaById(id);
    fresh.schemaById(id);
    assertThat(proxy.requests()).hasSize(2).last().asString().endsWith("/schemas/ids/" + id);
  }

  @Test
  void testCompatibility_backwardSubject_acceptsDefaultedFieldAndRejectsRequiredField() {
    String subject = SchemaRegistryFixture.uniqueSubject("compat");
    SchemaRegistryClient client = client(registryUrl());
    client.setCompatibility(subject, Compatibility.BACKWARD);
    int v1Id = client.register(subject, v1());

    assertThat(client.getCompatibility(subject)).isEqualTo(Compatibility.BACKWARD);
    assertThat(client.testCompatibility(subject, withDefaultedField()).compatible()).isTrue();
    assertThat(client.testCompatibility(subject, withRequiredField()).compatible()).isFalse();
    assertThatThrownBy(() -> client.register(subject, withRequiredField()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.subject()).isEqualTo(subject);
          assertThat(e.getMessage()).contains(subject, "HTTP 409");
        });
    int v2Id = client.register(subject, withDefaultedField());
    assertThat(v2Id).isNotEqualTo(v1Id);
    assertThat(client.latest(subject).version()).isEqualTo(2);
  }

  @Test
  void latest_unknownSubject_failsWithSubjectNotFound() {
    String subject = SchemaRegistryFixture.uniqueSubject("missing");
    assertThatThrownBy(() -> client(registryUrl()).latest(subject))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
          assertThat(e.subject()).isEqualTo(subject);
          assertThat(e.getMessage()).contains(subject, "40401", "/versions/latest");
        });
  }

  @Test
  void schemaById_unknownId_failsWithSchemaNotFound() {
    int unknown = 1_999_999_999;
    assertThatThrownBy(() -> client(registryUrl()).schemaById(unknown))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
          assertThat(e.schemaId()).isEqualTo(unknown);
          assertThat(e.getMessage()).contains("schema id " + unknown, "40403");
        });
  }

  @Test
  void idOf_schemaNotUnderSubject_failsWithSchemaNotFound() {
    String subject = SchemaRegistryFixture.uniqueSubject("idof");
    SchemaRegistryClient client = client(registryUrl());
    client.register(subject, v1());

    assertThatThrownBy(() -> client.idOf(subject, withDefaultedField()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
          assertThat(e.subject()).isEqualTo(subject);
        });
  }

  @Test
  void register_firstUrlDead_movesOnToTheNextUrl() throws Exception {
    String subject = SchemaRegistryFixture.uniqueSubject("failover");
    String dead = "http://127.0.0.1:" + unusedPort() + "/apis/ccompat/v7";
    SchemaRegistryClient client = client(dead + "," + registryUrl(), Map.of(SchemaRegistryConfig.MAX_RETRIES, 1));

    int id = client.register(subject, v1());

    assertThat(client(registryUrl()).idOf(subject, v1())).isEqualTo(id);
  }

  @Test
  void subjects_afterServerErrors_retriesUntilAnAnswer() throws Exception {
    CountingProxy proxy = closeLater(new CountingProxy(registryUrl()));
    proxy.failNext(2);

    List<String> subjects = client(proxy.url(), Map.of(SchemaRegistryConfig.MAX_RETRIES, 3)).subjects();

    assertThat(subjects).isNotNull();
    assertThat(proxy.requests()).hasSize(3);
  }

  @Test
  void subjects_serverErrorsOutlastRetries_failsWithUnavailable() throws Exception {
    CountingProxy proxy = closeLater(new CountingProxy(registryUrl()));
    proxy.failNext(100);
    SchemaRegistryClient client = client(proxy.url(), Map.of(SchemaRegistryConfig.MAX_RETRIES, 2));

    assertThatThrownBy(client::subjects)
        .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class, e -> {
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.getMessage()).contains("HTTP 503", "GET /subjects");
        });
    assertThat(proxy.requests()).hasSize(3);
  }

  private Schema v1() {
    return record("{\"name\":\"sensor\",\"type\":\"string\"}");
  }

  private Schema withDefaultedField() {
    return record("{\"name\":\"sensor\",\"type\":\"string\"},{\"name\":\"unit\",\"type\":\"string\",\"default\":\"C\"}");
  }

  private Schema withRequiredField() {
    return record("{\"name\":\"sensor\",\"type\":\"string\"},{\"name\":\"site\",\"type\":\"string\"}");
  }

  private Schema record(String fields) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"" + namespace
        + "\",\"fields\":[" + fields + "]}");
  }

  private SchemaRegistryClient client(String urls) {
    return client(urls, Map.of());
  }

  private SchemaRegistryClient client(String urls, Map<String, Object> extra) {
    Map<String, Object> config = new java.util.HashMap<>(Map.of(
        SchemaRegistryConfig.URL, urls, SchemaRegistryConfig.RETRIES_WAIT_MS, 10));
    config.putAll(extra);
    return closeLater(SchemaRegistryClient.create(config));
  }

  private <T extends AutoCloseable> T closeLater(T resource) {
    resources.add(resource);
    return resource;
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
