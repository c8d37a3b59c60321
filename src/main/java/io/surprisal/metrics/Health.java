package io.surprisal.metrics;

import java.util.Objects;

/**
 * The answer of a liveness or readiness check: up or down, and one line saying why, which the
 * health endpoints return as the response body.
 *
 * @param up     whether the check passes
 * @param detail what the process is doing, e.g. "waiting for the first model of 'surprisal'"
 */
public record Health(boolean up, String detail) {
  public Health {
    Objects.requireNonNull(detail, "detail");
  }

  /** A passing check. */
  public static Health up(String detail) {
    return new Health(true, detail);
  }

  /** A failing check. */
  public static Health down(String detail) {
    return new Health(false, detail);
  }
}
