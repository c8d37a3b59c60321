package io.surprisal.trainer;

import io.surprisal.SurprisalException;

/** A configured feature path does not name a numeric or boolean field of the event schema. */
public final class InvalidFeaturePathException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public InvalidFeaturePathException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** The offending path, e.g. {@code latency.p99}. */
  public String path() {
    return path;
  }
}
