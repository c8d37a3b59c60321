package io.surprisal.demo;

import io.surprisal.SurprisalException;

/** A component of the demo (the broker, the registry, the topics) could not be started; the message says which. */
public final class DemoStartException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  DemoStartException(String component, Throwable cause) {
    super("the demo could not start " + component + ": "
        + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), cause);
  }
}
