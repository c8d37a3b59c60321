package io.surprisal.generate;

import java.util.Locale;

/**
 * The kinds of anomaly {@link TelemetrySimulator} injects. Each breaks a relation that normal events
 * keep, so it stands out in the joint distribution of the features even where one feature alone
 * looks plausible.
 */
public enum AnomalyKind {
  /** Latency percentiles 6 to 12 times their usual value at normal traffic and CPU. */
  LATENCY_SPIKE,
  /** 15 to 50 % of requests fail; the health check fails half the time. */
  ERROR_BURST,
  /** CPU at 96 to 100 % while traffic is normal. */
  CPU_SATURATION,
  /** Resident memory jumps to 2 to 3 times its level. */
  MEMORY_LEAK_JUMP,
  /** Traffic falls to 10 to 25 % while latency rises 4 to 8 times. */
  TRAFFIC_DROP;

  /** The value of the {@code surprisal.anomaly.kind} header: {@code latency_spike}, ... */
  public String headerValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
