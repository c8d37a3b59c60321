package io.surprisal.bench.attribution;

import io.surprisal.avro.example.ServiceTelemetry;
import io.surprisal.generate.AnomalyKind;
import java.util.List;
import java.util.Set;

/**
 * The simulator's events as the detector reads them by default (every numeric or boolean field of
 * {@code ServiceTelemetry}, booleans as 0 and 1), and for each anomaly kind the features it breaks.
 */
final class TelemetryRows {
  static final List<String> FEATURES = List.of("request_rate", "error_rate", "latency.p50_ms", "latency.p95_ms",
      "latency.p99_ms", "cpu_utilization", "memory_mb", "bytes_in", "bytes_out", "active_connections", "healthy");

  private TelemetryRows() {}

  static double[] row(ServiceTelemetry e) {
    return new double[] {e.getRequestRate(), e.getErrorRate(), e.getLatency().getP50Ms(),
        e.getLatency().getP95Ms(), e.getLatency().getP99Ms(), e.getCpuUtilization(), e.getMemoryMb(),
        e.getBytesIn(), e.getBytesOut(), e.getActiveConnections(), e.getHealthy() ? 1 : 0};
  }

  /**
   * The features an anomaly kind sets (those that follow from them by the simulator's own relations,
   * such as bytes from the request rate, keep their relation and are not counted): a top-1 in this
   * set is a hit.
   */
  static Set<String> broken(AnomalyKind kind) {
    return switch (kind) {
      case LATENCY_SPIKE -> Set.of("latency.p50_ms", "latency.p95_ms", "latency.p99_ms");
      case ERROR_BURST -> Set.of("error_rate", "healthy");
      case CPU_SATURATION -> Set.of("cpu_utilization");
      case MEMORY_LEAK_JUMP -> Set.of("memory_mb");
      case TRAFFIC_DROP -> Set.of("request_rate", "latency.p50_ms", "latency.p95_ms", "latency.p99_ms");
    };
  }

  /**
   * The broken features plus those the simulator computes from them after the anomaly is injected:
   * connections from request rate times p50 (Little's law), bytes from the request rate, bytes out
   * from the error rate.
   */
  static Set<String> brokenOrFollowing(AnomalyKind kind) {
    Set<String> out = new java.util.HashSet<>(broken(kind));
    switch (kind) {
      case LATENCY_SPIKE -> out.add("active_connections");
      case ERROR_BURST -> out.add("bytes_out");
      case TRAFFIC_DROP -> out.addAll(Set.of("bytes_in", "bytes_out", "active_connections"));
      case CPU_SATURATION, MEMORY_LEAK_JUMP -> { }
    }
    return out;
  }
}
