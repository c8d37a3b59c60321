package io.surprisal.registry;

import java.time.Duration;

/**
 * Exponential backoff: the n-th retry (n = 1, 2, ...) waits {@code first * 2^(n-1)}, capped at
 * {@code max}. No jitter: a handful of serde instances per process does not make a thundering herd,
 * and a deterministic delay keeps the retry tests exact.
 */
record Backoff(Duration first, Duration max) {

  Duration delayBeforeRetry(int retry) {
    if (retry < 1 || first.isZero()) {
      return Duration.ZERO;
    }
    // Shift at most 30 places so the multiplication cannot overflow before the cap applies.
    long factor = 1L << Math.min(retry - 1, 30);
    long millis = first.toMillis() > max.toMillis() / factor ? max.toMillis() : first.toMillis() * factor;
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
