package io.surprisal.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of a running detector or trainer, on the JDK's own HTTP server:
 *
 * <ul>
 *   <li>{@value #METRICS_PATH}: the registry in Prometheus' text format;
 *   <li>{@value #LIVE_PATH}: 200 while the process works, 503 once it cannot recover (restart it);
 *   <li>{@value #READY_PATH}: 200 while it does its job (the detector scores, the trainer fills its
 *       window), 503 otherwise. Each health body is one line saying why.
 * </ul>
 *
 * <p>Only GET and HEAD are answered; other paths get 404. One thread serves the requests, which are
 * a scrape every few seconds and two probes.
 */
public final class MetricsServer implements AutoCloseable {
  public static final String METRICS_PATH = "/metrics";
  public static final String LIVE_PATH = "/health/live";
  public static final String READY_PATH = "/health/ready";

  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry;
  private final Supplier<Health> liveness;
  private final Supplier<Health> readiness;

  private MetricsServer(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry,
      Supplier<Health> liveness, Supplier<Health> readiness) {
    this.server = server;
    this.executor = executor;
    this.registry = registry;
    this.liveness = liveness;
    this.readiness = readiness;
  }

  /**
   * Listens on the address (port 0: any free port, see {@link #address()}) and serves until closed.
   *
   * @throws MetricsServerException if the host does not resolve or the port cannot be bound
   */
  public static MetricsServer start(InetSocketAddress address, PrometheusMeterRegistry registry,
      Supplier<Health> liveness, Supplier<Health> readiness) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(liveness, "liveness");
    Objects.requireNonNull(readiness, "readiness");
    InetSocketAddress resolved = address.isUnresolved()
        ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    if (resolved.isUnresolved()) {
      throw new MetricsServerException(address, new IOException("unknown host " + address.getHostString()));
    }
    HttpServer server;
    try {
      server = HttpServer.create(resolved, 0);
    } catch (IOException e) {
      throw new MetricsServerException(address, e);
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "surprisal-metrics-http");
      thread.setDaemon(true);
      return thread;
    });
    MetricsServer metrics = new MetricsServer(server, executor, registry, liveness, readiness);
    server.createContext("/", metrics::handle);
    server.setExecutor(executor);
    server.start();
    LOG.info("Serving {}, {} and {} on http://{}:{}", METRICS_PATH, LIVE_PATH, READY_PATH,
        resolved.getHostString(), metrics.address().getPort());
    return metrics;
  }

  /** The address listened on, with the port chosen if 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops listening at once; idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, PLAIN_TEXT, "only GET and HEAD\n");
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case METRICS_PATH -> respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
        case LIVE_PATH -> respondHealth(exchange, liveness);
        case READY_PATH -> respondHealth(exchange, readiness);
        default -> respond(exchange, 404, PLAIN_TEXT,
            "not found; try " + METRICS_PATH + ", " + LIVE_PATH + " or " + READY_PATH + "\n");
      }
    } catch (RuntimeException e) {
      LOG.warn("metrics endpoint failed to answer {}: {}", exchange.getRequestURI(), e.toString(), e);
    }
  }

  private static void respondHealth(HttpExchange exchange, Supplier<Health> check) throws IOException {
    Health health;
    try {
      health = check.get();
    } catch (RuntimeException e) {
      health = Health.down("the check failed: " + e);
    }
    respond(exchange, health.up() ? 200 : 503, PLAIN_TEXT, (health.up() ? "UP: " : "DOWN: ") + health.detail() + "\n");
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
