package io.surprisal.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.example.ServiceTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TelemetrySimulatorTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private static List<SimulatedEvent> events(long seed, double rate, int n) {
    TelemetrySimulator sim = new TelemetrySimulator(seed, rate, START);
    List<SimulatedEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(sim.next());
    }
    return out;
  }

  @Test
  void next_normalEvents_keepTheRelations() {
    List<ServiceTelemetry> normal = events(6, 0, 5000).stream().map(SimulatedEvent::value).toList();

    assertThat(normal).allSatisfy(e -> {
      assertThat(e.getLatency().getP50Ms()).isPositive().isLessThan(e.getLatency().getP95Ms());
      assertThat(e.getLatency().getP95Ms()).isLessThan(e.getLatency().getP99Ms());
      assertThat(e.getErrorRate()).isBetween(0.0, 0.05);
      assertThat(e.getCpuUtilization()).isBetween(0.0, 1.0);
      assertThat(e.getHealthy()).isTrue();
      assertThat(e.getInstanceId()).startsWith(e.getService() + "-");
    });
    // latency and CPU rise with traffic within a service
    List<ServiceTelemetry> search = normal.stream().filter(e -> e.getService().equals("search")).toList();
    assertThat(correlation(search, ServiceTelemetry::getRequestRate, ServiceTelemetry::getCpuUtilization))
        .isGreaterThan(0.7);
    assertThat(correlation(search, ServiceTelemetry::getRequestRate, e -> e.getLatency().getP50Ms()))
        .isGreaterThan(0.3);
  }

  @Test
  void next_timestamps_advanceFromTheStart() {
    List<SimulatedEvent> e = events(1, 0, 100);

    assertThat(e.getFirst().value().getTimestamp()).isEqualTo(START);
    assertThat(e.getLast().value().getTimestamp()).isAfter(START);
  }

  @Test
  void next_eachAnomalyKind_departsFromNormalInItsFields() {
    List<SimulatedEvent> all = events(9, 0.2, 20_000);
    Map<AnomalyKind, List<ServiceTelemetry>> byKind = new EnumMap<>(AnomalyKind.class);
    List<ServiceTelemetry> normal = new ArrayList<>();
    for (SimulatedEvent e : all) {
      if (e.isAnomaly()) {
        byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e.value());
      } else {
        normal.add(e.value());
      }
    }
    assertThat(byKind).hasSize(AnomalyKind.values().length);
    ToDoubleFunction<ServiceTelemetry> p99 = e -> e.getLatency().getP99Ms();

    assertThat(mean(byKind.get(AnomalyKind.LATENCY_SPIKE), p99)).isGreaterThan(5 * mean(normal, p99));
    assertThat(mean(byKind.get(AnomalyKind.LATENCY_SPIKE), ServiceTelemetry::getRequestRate))
        .isCloseTo(mean(normal, ServiceTelemetry::getRequestRate), org.assertj.core.data.Percentage.withPercentage(15));
    assertThat(mean(byKind.get(AnomalyKind.ERROR_BURST), ServiceTelemetry::getErrorRate))
        .isGreaterThan(20 * mean(normal, ServiceTelemetry::getErrorRate));
    assertThat(byKind.get(AnomalyKind.ERROR_BURST)).anyMatch(e -> !e.getHealthy());
    assertThat(byKind.get(AnomalyKind.CPU_SATURATION)).allMatch(e -> e.getCpuUtilization() >= 0.96);
    assertThat(mean(byKind.get(AnomalyKind.CPU_SATURATION), ServiceTelemetry::getRequestRate))
        .isCloseTo(mean(normal, ServiceTelemetry::getRequestRate), org.assertj.core.data.Percentage.withPercentage(15));
    assertThat(mean(byKind.get(AnomalyKind.MEMORY_LEAK_JUMP), ServiceTelemetry::getMemoryMb))
        .isGreaterThan(1.8 * mean(normal, ServiceTelemetry::getMemoryMb));
    assertThat(mean(byKind.get(AnomalyKind.TRAFFIC_DROP), ServiceTelemetry::getRequestRate))
        .isLessThan(0.3 * mean(normal, ServiceTelemetry::getRequestRate));
    assertThat(mean(byKind.get(AnomalyKind.TRAFFIC_DROP), p99)).isGreaterThan(3 * mean(normal, p99));
  }

  @Test
  void headers_markTruthAndKind() {
    SimulatedEvent anomaly = events(9, 1, 1).getFirst();
    SimulatedEvent normal = events(9, 0, 1).getFirst();

    assertThat(SimulatedEvent.isAnomaly(anomaly.headers())).isTrue();
    assertThat(new String(anomaly.headers().lastHeader(SimulatedEvent.KIND_HEADER).value()))
        .isEqualTo(anomaly.kind().headerValue());
    assertThat(SimulatedEvent.isAnomaly(normal.headers())).isFalse();
    assertThat(normal.headers().lastHeader(SimulatedEvent.KIND_HEADER)).isNull();
  }

  private static double mean(List<ServiceTelemetry> events, ToDoubleFunction<ServiceTelemetry> f) {
    return events.stream().mapToDouble(f).average().orElseThrow();
  }

  private static double correlation(List<ServiceTelemetry> events, ToDoubleFunction<ServiceTelemetry> a,
      ToDoubleFunction<ServiceTelemetry> b) {
    double ma = mean(events, a);
    double mb = mean(events, b);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (ServiceTelemetry e : events) {
      double da = a.applyAsDouble(e) - ma;
      double db = b.applyAsDouble(e) - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
