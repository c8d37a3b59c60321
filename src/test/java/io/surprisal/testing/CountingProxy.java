package io.surprisal.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP proxy on loopback in front of a real registry: it forwards every request, records
 * it ("GET /apis/ccompat/v7/schemas/ids/3") and can answer the next n requests with a 503 itself
 * instead, to exercise retries. Lets a test prove how many calls reached the registry without
 * replacing the registry.
 */
public final class CountingProxy implements AutoCloseable {
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String targetOrigin;
  private final String basePath;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  /** @param targetBaseUrl the registry's base URL, e.g. {@code http://127.0.0.1:8080/apis/ccompat/v7} */
  public CountingProxy(String targetBaseUrl) throws IOException {
    URI target = URI.create(targetBaseUrl);
    this.targetOrigin = target.getScheme() + "://" + target.getRawAuthority();
    this.basePath = target.getRawPath() == null ? "" : target.getRawPath();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The proxy's base URL, with the same path as the target's. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
  }

  /** Every request received so far, as "METHOD path?query", in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The next {@code count} requests get HTTP 503 from the proxy and are not forwarded. */
  public void failNext(int count) {
    failuresLeft.set(count);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String pathAndQuery = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      requests.add(exchange.getRequestMethod() + " " + pathAndQuery);
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        reply(exchange, 503, "{\"error_code\":50301,\"message\":\"injected by CountingProxy\"}");
        return;
      }
      HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(targetOrigin + pathAndQuery))
          .method(exchange.getRequestMethod(), body.length == 0
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : List.of("Content-Type", "Accept", "Authorization")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          forward.header(header, value);
        }
      }
      HttpResponse<String> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
      reply(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    http.close();
  }
}
