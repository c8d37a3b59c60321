package io.surprisal.bench.stream;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of latencies in milliseconds. */
final class Percentiles {
  private final long[] sorted;

  /** @throws IllegalArgumentException if the sample is empty */
  Percentiles(long[] sample) {
    if (sample.length == 0) {
      throw new IllegalArgumentException("no latencies were measured");
    }
    this.sorted = sample.clone();
    Arrays.sort(sorted);
  }

  /** The smallest value with at least {@code p} percent of the sample at or below it, 0 < p <= 100. */
  long at(double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  int count() {
    return sorted.length;
  }
}
