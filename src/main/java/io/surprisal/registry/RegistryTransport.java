package io.surprisal.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends {@link RegistryRequest}s over HTTP/1.1 and returns the JSON answer.
 *
 * <p>Retries: a connection error, a timeout or a 5xx answer moves on to the next URL of the list
 * at once when this call has not tried that URL yet, and after a backoff delay otherwise, up to
 * {@code maxRetries} retries. A 4xx answer is final and becomes a {@link SchemaRegistryException}.
 * The URL that answered last is tried first by the next call, so a dead URL costs one failed
 * connection, not one per call.
 */
final class RegistryTransport implements AutoCloseable {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json";

  private final List<URI> urls;
  private final HttpClient http;
  private final Optional<String> authorization;
  private final int maxRetries;
  private final Backoff backoff;
  private final Duration readTimeout;
  private final AtomicInteger preferred = new AtomicInteger();
  private final ObjectMapper json = new ObjectMapper();

  RegistryTransport(SchemaRegistryConfig config) {
    this.urls = config.urls();
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.authorization = config.userInfo().map(info ->
        "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    this.maxRetries = config.maxRetries();
    this.backoff = new Backoff(config.retryWait(), config.retryMaxWait());
    this.readTimeout = config.readTimeout();
  }

  ObjectMapper json() {
    return json;
  }

  /** Sends the request, retrying as described above, and parses the JSON answer. */
  JsonNode send(RegistryRequest request) {
    int start = preferred.get();
    String lastFailure = "none";
    Throwable lastCause = null;
    int attempt = 0;
    for (; attempt <= maxRetries; attempt++) {
      int index = (start + attempt) % urls.size();
      if (attempt >= urls.size()) {
        pause(request, backoff.delayBeforeRetry(attempt - urls.size() + 1), attempt);
      }
      URI base = urls.get(index);
      HttpResponse<String> response;
      try {
        response = http.send(toHttp(base, request), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        lastFailure = base + ": " + e;
        lastCause = e;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryUnavailableException(request, urls, attempt + 1, "interrupted", e);
      }
      int status = response.statusCode();
      if (status >= 500) {
        lastFailure = base + ": HTTP " + status + " " + abbreviate(response.body());
        lastCause = null;
        continue;
      }
      preferred.set(index);
      return answer(request, status, response.body());
    }
    throw new SchemaRegistryUnavailableException(request, urls, attempt, lastFailure, lastCause);
  }

  private JsonNode answer(RegistryRequest request, int status, String body) {
    if (status >= 400) {
      throw rejection(request, status, body);
    }
    if (status >= 300) {
      throw new RegistryProtocolException(request, "HTTP " + status + " (redirects are not followed)", null);
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RegistryProtocolException(request, "body is not JSON: " + abbreviate(body), e);
    }
  }

  private SchemaRegistryException rejection(RegistryRequest request, int status, String body) {
    int errorCode = status;
    String message = abbreviate(body);
    try {
      JsonNode error = json.readTree(body);
      if (error != null && error.isObject()) {
        errorCode = error.path("error_code").asInt(status);
        message = error.path("message").asText(message);
      }
    } catch (JsonProcessingException e) {
      // Not JSON (a proxy's HTML page, say): keep the raw body as the message.
    }
    return new SchemaRegistryException(request, status, errorCode, message);
  }

  private HttpRequest toHttp(URI base, RegistryRequest request) {
    HttpRequest.BodyPublisher body = request.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
        .timeout(readTimeout)
        .header("Accept", ACCEPT)
        .method(request.method(), body);
    if (request.body() != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    authorization.ifPresent(value -> builder.header("Authorization", value));
    return builder.build();
  }

  private void pause(RegistryRequest request, Duration delay, int attempt) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryUnavailableException(request, urls, attempt, "interrupted during backoff", e);
    }
  }

  private static String abbreviate(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }

  @Override
  public void close() {
    http.close();
  }
}
