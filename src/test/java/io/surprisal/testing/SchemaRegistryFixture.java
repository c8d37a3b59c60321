package io.surprisal.testing;

import io.surprisal.local.ApicurioRegistry;
import java.util.UUID;

/**
 * The schema registry that integration tests talk to, shared by every test class in the JVM.
 *
 * <p>If the environment variable {@value #URL_ENV} is set, that registry is used (for example a
 * Confluent Schema Registry). Otherwise one {@link ApicurioRegistry} is started on first use and
 * stopped by its JVM shutdown hook when the test JVM exits.
 *
 * <p>Registries keep what they are given for the whole run, so tests must not share subject
 * names: take them from {@link #uniqueSubject(String)} or {@link #uniqueTopic(String)}.
 */
public final class SchemaRegistryFixture {
  public static final String URL_ENV = "SCHEMA_REGISTRY_URL";

  private SchemaRegistryFixture() {}

  /** The base URL of the registry's Confluent-compatible API (starts Apicurio on first call). */
  public static String url() {
    return Holder.SHARED.url();
  }

  /** A subject name no other test uses, e.g. {@code "orders-3f2a9c1b-value"} for prefix "orders". */
  public static String uniqueSubject(String prefix) {
    return uniqueTopic(prefix) + "-value";
  }

  /** A topic name no other test uses, starting with {@code prefix}. */
  public static String uniqueTopic(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Initialised once, on first use, by the JVM's class initialisation (which is thread-safe), so
   * there is no mutable static field. A failed start is kept and reported to every caller.
   */
  private static final class Holder {
    static final Shared SHARED = Shared.startOrRemember();
  }

  private static final class Shared {
    private final String url;
    private final RuntimeException failure;

    private Shared(String url, RuntimeException failure) {
      this.url = url;
      this.failure = failure;
    }

    static Shared startOrRemember() {
      String external = System.getenv(URL_ENV);
      if (external != null && !external.isBlank()) {
        return new Shared(external.trim(), null);
      }
      try {
        // Stopped by ApicurioRegistry's own shutdown hook when the test JVM exits.
        @SuppressWarnings("resource")
        ApicurioRegistry registry = ApicurioRegistry.start();
        return new Shared(registry.url(), null);
      } catch (RuntimeException e) {
        return new Shared(null, e);
      }
    }

    String url() {
      if (failure != null) {
        throw new IllegalStateException("The shared test schema registry could not be started: "
            + failure.getMessage(), failure);
      }
      return url;
    }
  }
}
