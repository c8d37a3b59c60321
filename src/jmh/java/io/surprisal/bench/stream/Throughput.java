package io.surprisal.bench.stream;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Events per second of a stream app, from the first record it processed to the last: a counter
 * that the app's stream thread increments is read every millisecond until it reaches the target,
 * so start-up and rebalancing are not counted.
 *
 * @param events  records processed between the first and the last reading
 * @param elapsed time between them
 */
record Throughput(long events, Duration elapsed) {
  /** Events per second. */
  double perSecond() {
    return events / (elapsed.toNanos() / 1e9);
  }

  /**
   * Waits until {@code processed} reaches {@code target}.
   *
   * @throws IllegalStateException if it does not within {@code timeout}
   */
  static Throughput measure(LongSupplier processed, long target, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long firstCount = 0;
    long firstNanos = 0;
    while (true) {
      long count = processed.getAsLong();
      long now = System.nanoTime();
      if (count > 0 && firstNanos == 0) {
        firstCount = count;
        firstNanos = now;
      }
      if (count >= target) {
        return new Throughput(count - firstCount, Duration.ofNanos(now - firstNanos));
      }
      if (now > deadline) {
        throw new IllegalStateException("only " + count + " of " + target + " events processed within " + timeout);
      }
      Thread.sleep(1);
    }
  }
}
