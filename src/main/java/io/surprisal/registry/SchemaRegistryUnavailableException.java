package io.surprisal.registry;

import java.net.URI;
import java.util.List;

/**
 * No registry URL gave an answer to a call: every attempt ended in a connection error, a timeout
 * or a server error (HTTP 5xx), and the retries ran out. The failure may be transient.
 */
public final class SchemaRegistryUnavailableException extends RegistryException {
  private final int attempts;

  SchemaRegistryUnavailableException(RegistryRequest request, List<URI> urls, int attempts,
      String lastFailure, Throwable cause) {
    super(request, "Schema registry unavailable for " + about(request) + " after " + attempts
        + " attempt(s) across " + urls + "; last failure: " + lastFailure, cause);
    this.attempts = attempts;
  }

  /** How many requests were sent (or tried) before giving up. */
  public int attempts() {
    return attempts;
  }
}
