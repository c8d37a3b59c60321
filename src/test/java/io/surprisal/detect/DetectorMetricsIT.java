package io.surprisal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.surprisal.avro.ModelVersion;
import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.kafka.Topic;
import io.surprisal.metrics.Meters;
import io.surprisal.metrics.MetricsServer;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroSerde;
import io.surprisal.serde.AvroSerdeConfig;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.SchemaRegistryFixture;
import io.surprisal.testing.Scrape;
import io.surprisal.testing.TestRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detector in this JVM on the real broker and registry, its endpoint scraped over HTTP: health
 * before and after the first model, and the meters after real traffic.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DetectorMetricsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void endpoint_afterTraffic_reportsEveryEventAndTheHealthOfEachStage(@TempDir Path stateDir) throws IOException {
    // 1. configure: fresh topics, a detector with a Prometheus registry, its endpoint on a free port
    String input = KafkaFixture.uniqueTopic("events");
    String models = KafkaFixture.uniqueTopic("models");
    String alerts = KafkaFixture.uniqueTopic("alerts");
    String dlq = KafkaFixture.uniqueTopic("dlq");
    KafkaFixture.createTopic(input, 1, Map.of());
    KafkaFixture.createTopic(models, 1, Map.of("cleanup.policy", "compact"));
    KafkaFixture.createTopic(alerts, 1, Map.of());
    KafkaFixture.createTopic(dlq, 1, Map.of());
    Config config = Config.of(Map.of(
        "bootstrap.servers", KafkaFixture.bootstrapServers(),
        "schema.registry.url", SchemaRegistryFixture.url(),
        "input.topic", input, "models.topic", models, "alerts.topic", alerts, "dlq.topic", dlq,
        "application.id", KafkaFixture.uniqueTopic("detector"),
        "state.dir", stateDir.toString(),
        "commit.interval.ms", "100"), ConfigKeys.ALL);
    PrometheusMeterRegistry meters = Meters.prometheus();
    SchemaRegistryClient registry = SchemaRegistryClient.create(SchemaRegistryConfig.of(SchemaRegistryFixture.url()));
    try (Detector detector = Detector.create(config, meters);
        MetricsServer server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), meters,
            detector::liveness, detector::readiness)) {
      int port = server.address().getPort();

      // 2. started without a model: alive, and once Kafka Streams runs, holding and not ready; version 0
      detector.start();
      assertThat(get(port, MetricsServer.LIVE_PATH).status()).isEqualTo(200);
      Scrape.Response holding = awaitResponse(port, MetricsServer.READY_PATH, r -> r.body().contains("holding"));
      assertThat(holding.status()).isEqualTo(503);
      assertThat(holding.body()).contains(input);
      assertThat(Scrape.sample(get(port, MetricsServer.METRICS_PATH).body(), "surprisal_model_version")).hasValue(0);

      // 3. the first model makes it ready
      TestRecords.produce(new Topic<>(models, Serdes.String(), SpecificAvroSerde.of(ModelVersion.class, registry,
          AvroSerdeConfig.defaults())), List.of(KeyValue.pair("surprisal", TestModels.version("surprisal", 1, input,
          HostReadings.SPEC, ModelCodec.encode(TestModels.hostReadings())))));
      Scrape.Response ready = awaitResponse(port, MetricsServer.READY_PATH, r -> r.status() == 200);
      assertThat(ready.body()).contains("version 1");

      // 4. produce 6 normal events, 3 anomalies and one record that is not Avro
      AvroSerde events = AvroSerde.create(registry, AvroSerdeConfig.defaults(), false);
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        Object event = i % 3 == 1 ? HostReadings.anomalous("h" + i) : HostReadings.normal("h" + i);
        records.add(new ProducerRecord<>(input, bytes("h" + i), events.serializer().serialize(input, event)));
      }
      records.add(new ProducerRecord<>(input, bytes("bad"), bytes("garbage")));
      TestRecords.produceRecords(new Topic<>(input, Serdes.ByteArray(), Serdes.ByteArray()), records);

      // 5. verify by scraping: every event counted where it went, the histogram and Kafka's own meters
      String text = awaitResponse(port, MetricsServer.METRICS_PATH, r -> Scrape.sample(r.body(),
          "surprisal_events_scored_total").orElse(0) >= 9 && Scrape.sample(r.body(), "surprisal_dlq_records_total",
          Map.of("code", "UNDECODABLE")).orElse(0) >= 1).body();
      assertThat(Scrape.sample(text, "surprisal_events_scored_total")).hasValue(9);
      assertThat(Scrape.sample(text, "surprisal_alerts_total")).hasValue(3);
      assertThat(Scrape.sample(text, "surprisal_dlq_records_total", Map.of("code", "UNDECODABLE"))).hasValue(1);
      assertThat(Scrape.sample(text, "surprisal_dlq_records_total", Map.of("code", "NOT_FINITE"))).hasValue(0);
      assertThat(Scrape.sample(text, "surprisal_model_version")).hasValue(1);
      assertThat(Scrape.sample(text, "surprisal_model_swaps_total")).hasValue(1);
      assertThat(Scrape.sample(text, "surprisal_model_refusals_total")).hasValue(0);
      assertThat(Scrape.sample(text, "surprisal_scoring_latency_seconds_count")).hasValue(9);
      assertThat(Scrape.sample(text, "surprisal_scoring_latency_seconds_sum").orElseThrow()).isPositive();
      assertThat(text).containsPattern("(?m)^kafka_stream_\\w+")
          .containsPattern("(?m)^kafka_consumer_\\w+")
          .containsPattern("(?m)^jvm_memory_used_bytes");

      // 6. a closed detector is no longer alive
      detector.close();
      assertThat(get(port, MetricsServer.LIVE_PATH).status()).isEqualTo(503);
      assertThat(get(port, MetricsServer.READY_PATH).status()).isEqualTo(503);
    } finally {
      registry.close();
    }
  }

  private static Scrape.Response get(int port, String path) {
    try {
      return Scrape.get("127.0.0.1", port, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Scrape.Response awaitResponse(int port, String path, Predicate<Scrape.Response> condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      Scrape.Response response = get(port, path);
      if (condition.test(response)) {
        return response;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting on " + path + "; last answer: "
            + response.status() + " " + response.body());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
