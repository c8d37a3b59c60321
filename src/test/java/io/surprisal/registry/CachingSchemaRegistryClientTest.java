package io.surprisal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Cache expiry rules, over a counting stand-in (the IT proves caching against a real registry). */
class CachingSchemaRegistryClientTest {
  private static final Schema STRING = Schema.create(Schema.Type.STRING);

  /** Answers latest() with a new version on every call and counts the calls. */
  private static final class Versions implements SchemaRegistryClient {
    final AtomicInteger latestCalls = new AtomicInteger();

    final AtomicInteger registerCalls = new AtomicInteger();

    @Override public int register(String subject, Schema schema) { return 100 + registerCalls.incrementAndGet(); }
    @Override public Schema schemaById(int id) { return STRING; }
    @Override public RegisteredSchema latest(String subject) {
      int v = latestCalls.incrementAndGet();
      return new RegisteredSchema(subject, v, v, STRING);
    }
    @Override public int idOf(String subject, Schema schema) { return 100; }
    @Override public CompatibilityResult testCompatibility(String s, Schema schema) {
      return new CompatibilityResult(true, List.of());
    }
    @Override public Compatibility getCompatibility(String subject) { return Compatibility.NONE; }
    @Override public void setCompatibility(String subject, Compatibility level) { }
    @Override public List<String> subjects() { return List.of(); }
    @Override public void close() { }
  }

  @Test
  void latest_withinTtl_isCachedAndRefetchedAfterIt() {
    var versions = new Versions();
    var clock = new AtomicLong();
    var client = new CachingSchemaRegistryClient(versions, Duration.ofSeconds(10), clock::get);

    assertThat(client.latest("s").version()).isEqualTo(1);
    clock.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(client.latest("s").version()).isEqualTo(1);
    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(client.latest("s").version()).isEqualTo(2);
    assertThat(versions.latestCalls).hasValue(2);
  }

  @Test
  void latest_negativeTtl_isKeptUntilTheSubjectGetsANewSchema() {
    var versions = new Versions();
    var clock = new AtomicLong();
    var client = new CachingSchemaRegistryClient(versions, Duration.ofSeconds(-1), clock::get);

    client.latest("s");
    clock.addAndGet(Duration.ofDays(1).toNanos());
    assertThat(client.latest("s").version()).isEqualTo(1);

    client.register("s", STRING); // the latest schema again: the subject is unchanged
    assertThat(client.latest("s").version()).isEqualTo(1);
    client.register("s", Schema.create(Schema.Type.INT));
    assertThat(client.latest("s").version()).isEqualTo(2);
  }

  @Test
  void register_sameObjectOrEqualText_asksTheRegistryOncePerSubjectAndSchemaText() {
    var registry = new Versions();
    var client = new CachingSchemaRegistryClient(registry, Duration.ofSeconds(10), System::nanoTime);
    String json = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    Schema schema = new Schema.Parser().parse(json);
    Schema sameText = new Schema.Parser().parse(json);
    Schema otherDoc = new Schema.Parser().parse(json.replace("\"name\":\"R\",", "\"name\":\"R\",\"doc\":\"d\","));

    int id = client.register("s", schema);
    for (int i = 0; i < 1000; i++) {
      assertThat(client.register("s", schema)).isEqualTo(id);
    }
    assertThat(client.register("s", sameText)).isEqualTo(id);
    assertThat(client.idOf("s", schema)).isEqualTo(id);
    assertThat(registry.registerCalls).hasValue(1);

    assertThat(client.register("other", schema)).isNotEqualTo(id);
    assertThat(client.register("s", otherDoc)).as("another text is another registration").isNotEqualTo(id);
    assertThat(registry.registerCalls).hasValue(3);
  }
}
