package io.surprisal.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The schema registry client's settings, read from a Kafka-style map under Confluent's names so
 * that a configuration written for Confluent's client works here unchanged.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>{@value #URL}</td><td>required; one or more http(s) base URLs, comma-separated</td></tr>
 *   <tr><td>{@value #CREDENTIALS_SOURCE}</td><td>{@code URL} (default: user info inside the URL)
 *       or {@code USER_INFO} (from {@value #USER_INFO})</td></tr>
 *   <tr><td>{@value #USER_INFO}</td><td>{@code user:password}</td></tr>
 *   <tr><td>{@value #MAX_RETRIES}</td><td>retries after the first attempt (default 3)</td></tr>
 *   <tr><td>{@value #RETRIES_WAIT_MS}</td><td>first backoff delay (default 1000)</td></tr>
 *   <tr><td>{@value #RETRIES_MAX_WAIT_MS}</td><td>backoff cap (default 20000)</td></tr>
 *   <tr><td>{@value #CONNECT_TIMEOUT_MS}, {@value #READ_TIMEOUT_MS}</td><td>default 60000</td></tr>
 *   <tr><td>{@value #LATEST_CACHE_TTL_SEC}</td><td>how long {@code latest(subject)} is cached;
 *       -1 (default, as Confluent) keeps it until a schema is registered through this client</td></tr>
 * </table>
 *
 * <p>The auth keys are also read with Confluent's older {@code schema.registry.} prefix.
 */
public record SchemaRegistryConfig(
    List<URI> urls,
    Optional<String> userInfo,
    int maxRetries,
    Duration retryWait,
    Duration retryMaxWait,
    Duration connectTimeout,
    Duration readTimeout,
    Duration latestCacheTtl) {

  public static final String URL = "schema.registry.url";
  public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String USER_INFO = "basic.auth.user.info";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

  private static final String LEGACY_PREFIX = "schema.registry.";

  public SchemaRegistryConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new ConfigException(URL, "", "at least one schema registry URL is needed");
    }
    java.util.Objects.requireNonNull(userInfo, "userInfo");
    if (maxRetries < 0) {
      throw new ConfigException(MAX_RETRIES, maxRetries, "must be at least 0");
    }
    for (Duration d : List.of(retryWait, retryMaxWait, connectTimeout, readTimeout, latestCacheTtl)) {
      java.util.Objects.requireNonNull(d, "durations must not be null");
    }
  }

  /** A configuration with the defaults and the given comma-separated URLs. */
  public static SchemaRegistryConfig of(String urls) {
    return parse(Map.of(URL, urls));
  }

  /**
   * Reads and validates the client settings; keys it does not know are ignored.
   *
   * @throws ConfigException naming the first missing or bad key
   */
  public static SchemaRegistryConfig parse(Map<String, ?> configs) {
    var reader = new ConfigReader(configs);
    List<String> rawUrls = reader.list(URL);
    if (rawUrls.isEmpty()) {
      throw new ConfigException(URL, null, "required: the schema registry base URL(s), comma-separated");
    }
    List<URI> urls = new ArrayList<>();
    Optional<String> userInfoInUrl = Optional.empty();
    for (String raw : rawUrls) {
      URI uri = parseUrl(raw);
      if (uri.getRawUserInfo() != null && userInfoInUrl.isEmpty()) {
        userInfoInUrl = Optional.of(uri.getUserInfo());
      }
      urls.add(withoutUserInfo(uri));
    }
    return new SchemaRegistryConfig(
        urls,
        userInfo(reader, userInfoInUrl),
        (int) reader.number(MAX_RETRIES, 3, 0),
        Duration.ofMillis(reader.number(RETRIES_WAIT_MS, 1_000, 0)),
        Duration.ofMillis(reader.number(RETRIES_MAX_WAIT_MS, 20_000, 0)),
        Duration.ofMillis(reader.number(CONNECT_TIMEOUT_MS, 60_000, 1)),
        Duration.ofMillis(reader.number(READ_TIMEOUT_MS, 60_000, 1)),
        Duration.ofSeconds(reader.number(LATEST_CACHE_TTL_SEC, -1, -1)));
  }

  /** Whether {@code latest(subject)} results expire; false means they are kept. */
  public boolean latestCacheExpires() {
    return !latestCacheTtl.isNegative();
  }

  private static URI parseUrl(String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new ConfigException(URL, redact(raw), "not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
      throw new ConfigException(URL, redact(raw), "expected an http:// or https:// URL with a host");
    }
    return uri;
  }

  private static URI withoutUserInfo(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return URI.create(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + port + path);
  }

  private static String redact(String rawUrl) {
    return rawUrl.replaceAll("//[^/@]*@", "//***@");
  }

  private static Optional<String> userInfo(ConfigReader reader, Optional<String> userInfoInUrl) {
    String source = legacy(reader, CREDENTIALS_SOURCE).orElse("URL");
    switch (source.toUpperCase(java.util.Locale.ROOT)) {
      case "URL":
        return userInfoInUrl;
      case "USER_INFO":
        String userInfo = legacy(reader, USER_INFO).orElseThrow(() -> new ConfigException(
            USER_INFO + " is required when " + CREDENTIALS_SOURCE + "=USER_INFO"));
        if (!userInfo.contains(":")) {
          // The value is a secret: name the key, never repeat the value.
          throw new ConfigException(USER_INFO + " must have the form user:password (value hidden)");
        }
        return Optional.of(userInfo);
      default:
        throw new ConfigException(CREDENTIALS_SOURCE, source, "supported sources are URL and USER_INFO");
    }
  }

  private static Optional<String> legacy(ConfigReader reader, String key) {
    return reader.string(key).or(() -> reader.string(LEGACY_PREFIX + key));
  }

  @Override
  public String toString() {
    return "SchemaRegistryConfig[urls=" + urls + ", basicAuth=" + userInfo.isPresent()
        + ", maxRetries=" + maxRetries + ", retryWait=" + retryWait + ", retryMaxWait=" + retryMaxWait
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", latestCacheTtl=" + latestCacheTtl + "]";
  }
}
