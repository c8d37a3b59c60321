package io.surprisal.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A canned HTTP server on loopback for unit tests of the client's own behaviour (headers,
 * error mapping). Not a registry: integration tests use {@link SchemaRegistryFixture}.
 * Unknown routes answer 404 with a Confluent-style error body.
 */
public final class StubHttpServer implements AutoCloseable {
  /** What the server received. */
  public record Received(String method, String path, String authorization, String body) {}

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public StubHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The server's base URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code method path} (path without query) with {@code status} and a JSON body. */
  public StubHttpServer answer(String method, String path, int status, String jsonBody) {
    answers.put(method + " " + path, new Answer(status, jsonBody));
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      received.add(new Received(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
      Answer answer = answers.getOrDefault(method + " " + path,
          new Answer(404, "{\"error_code\":40401,\"message\":\"no stub for " + method + " " + path + "\"}"));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
