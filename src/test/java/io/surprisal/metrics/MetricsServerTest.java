package io.surprisal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.surprisal.testing.Scrape;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real HTTP on a loopback port: paths, status codes, bodies and binding errors. */
class MetricsServerTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicReference<Health> ready = new AtomicReference<>(Health.down("no model yet"));
  private MetricsServer server;

  private int start() {
    server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), registry,
        () -> Health.up("running"), ready::get);
    return server.address().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void metrics_countedThings_areScrapedInPrometheusTextFormat() throws IOException {
    Counter things = Counter.builder("test.things").register(registry);
    things.increment(3);
    int port = start();

    Scrape.Response response = Scrape.get("127.0.0.1", port, MetricsServer.METRICS_PATH);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain; version=0.0.4");
    assertThat(Scrape.sample(response.body(), "test_things_total")).hasValue(3.0);
  }

  @Test
  void ready_followsTheSupplierWith503WhileDownAndSaysWhy() throws IOException {
    int port = start();

    Scrape.Response before = Scrape.get("127.0.0.1", port, MetricsServer.READY_PATH);
    ready.set(Health.up("scoring with version 1"));
    Scrape.Response after = Scrape.get("127.0.0.1", port, MetricsServer.READY_PATH);

    assertThat(before.status()).isEqualTo(503);
    assertThat(before.body()).isEqualTo("DOWN: no model yet\n");
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("UP: scoring with version 1\n");
    assertThat(Scrape.get("127.0.0.1", port, MetricsServer.LIVE_PATH).status()).isEqualTo(200);
  }

  @Test
  void ready_supplierThrows_is503NamingTheError() throws IOException {
    server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), registry, () -> Health.up("x"),
        () -> {
          throw new IllegalStateException("boom");
        });

    Scrape.Response response = Scrape.get("127.0.0.1", server.address().getPort(), MetricsServer.READY_PATH);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).contains("boom");
  }

  @Test
  void unknownPathOrMethod_is404Or405() throws Exception {
    int port = start();

    Scrape.Response unknown = Scrape.get("127.0.0.1", port, "/metricsx");
    HttpResponse<String> post = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void close_stopsListening() throws IOException {
    int port = start();
    server.close();

    assertThatThrownBy(() -> Scrape.get("127.0.0.1", port, MetricsServer.LIVE_PATH)).isInstanceOf(IOException.class);
  }

  @Test
  void start_portInUse_throwsNamingTheAddressAndTheKey() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", taken.getLocalPort());

      assertThatThrownBy(() -> MetricsServer.start(address, registry, () -> Health.up("x"), () -> Health.up("x")))
          .isInstanceOf(MetricsServerException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("metrics.port");
    }
  }
}
