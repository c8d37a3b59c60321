package io.surprisal.generate;

import io.surprisal.avro.example.Latency;
import io.surprisal.avro.example.ServiceTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic {@link ServiceTelemetry} for a few service instances, each event one instance's
 * {@value #INTERVAL_SECONDS}-second summary, with injected anomalies at a known rate. Deterministic
 * for a seed: the same seed, rate and start give the same events.
 *
 * <p>Normal events keep these relations: load {@code u} (request rate over the instance's capacity)
 * drives CPU ({@code 0.05 + 0.8 u}) and latency ({@code p50 ~ base (1 + 1.5 u^2)}); {@code p95} is
 * about 2 and {@code p99} about 3.2 times {@code p50}, so {@code p50 < p95 < p99}; bytes and
 * connections follow traffic (Little's law); the error rate stays below about 1 %; memory drifts
 * slowly around the instance's baseline (a mean-reverting random walk). Optional seasonality scales
 * traffic by {@code 1 + 0.3 sin(2 pi t / period)}. Noise is log-normal, so values stay positive.
 */
public final class TelemetrySimulator implements EventSource {
  /** Seconds of traffic each event summarises. */
  public static final int INTERVAL_SECONDS = 10;

  private record Service(String name, String region, double baseRate, double baseLatencyMs, double baseMemoryMb,
      double requestBytes, double responseBytes) {}

  private static final List<Service> SERVICES = List.of(
      new Service("checkout", "eu-west-1", 120, 45, 2400, 1800, 6500),
      new Service("search", "eu-west-1", 400, 25, 3000, 600, 12000),
      new Service("auth", "us-east-1", 250, 12, 1800, 900, 1200));
  private static final int INSTANCES_PER_SERVICE = 3;

  private final SplittableRandom random;
  private final double anomalyRate;
  private final Instant start;
  private final Duration seasonality;
  private final double[] memory;
  private long index;

  /**
   * @param seed        seeds every draw
   * @param anomalyRate share of events that are anomalies, in [0, 1]
   * @param start       timestamp of the first event
   * @param seasonality period of the daily-ish traffic cycle, or null for none
   * @throws IllegalArgumentException if the rate is outside [0, 1] or the period is not positive
   */
  public TelemetrySimulator(long seed, double anomalyRate, Instant start, Duration seasonality) {
    if (!(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new IllegalArgumentException("anomaly rate must be in [0, 1], got " + anomalyRate);
    }
    if (seasonality != null && (seasonality.isNegative() || seasonality.isZero())) {
      throw new IllegalArgumentException("seasonality period must be positive, got " + seasonality);
    }
    this.random = new SplittableRandom(seed);
    this.anomalyRate = anomalyRate;
    this.start = start;
    this.seasonality = seasonality;
    this.memory = new double[SERVICES.size() * INSTANCES_PER_SERVICE];
    for (int i = 0; i < memory.length; i++) {
      memory[i] = baseMemory(i);
    }
  }

  /** A simulator without seasonality. */
  public TelemetrySimulator(long seed, double anomalyRate, Instant start) {
    this(seed, anomalyRate, start, null);
  }

  /** Number of simulated instances. */
  public static int instances() {
    return SERVICES.size() * INSTANCES_PER_SERVICE;
  }

  /** The next event. */
  @Override
  public SimulatedEvent next() {
    int instance = random.nextInt(memory.length);
    Service service = SERVICES.get(instance / INSTANCES_PER_SERVICE);
    // Events are spread evenly over time: each instance reports every INTERVAL_SECONDS.
    long millis = index * INTERVAL_SECONDS * 1000L / memory.length;
    index++;
    Instant timestamp = start.plusMillis(millis);
    AnomalyKind kind = random.nextDouble() < anomalyRate
        ? AnomalyKind.values()[random.nextInt(AnomalyKind.values().length)] : null;

    double season = seasonality == null ? 1
        : 1 + 0.3 * Math.sin(2 * Math.PI * millis / (double) seasonality.toMillis());
    double capacity = service.baseRate() * 2;
    double rate = service.baseRate() * season * lognormal(0.15);
    double u = rate / capacity;
    double cpu = clamp(0.05 + 0.8 * u + 0.03 * random.nextGaussian(), 0.01, 0.99);
    double p50 = service.baseLatencyMs() * (1 + 1.5 * u * u) * lognormal(0.08);
    double p95 = p50 * 2.0 * lognormal(0.08);
    double p99 = p95 * 1.6 * lognormal(0.08);
    double errors = clamp(0.002 * lognormal(0.5) * (1 + 3 * u * u * u * u), 0, 1);
    double base = baseMemory(instance);
    memory[instance] += 0.05 * (base - memory[instance]) + 0.01 * base * random.nextGaussian();
    double mem = memory[instance];
    boolean healthy = true;

    if (kind != null) {
      switch (kind) {
        case LATENCY_SPIKE -> {
          double f = uniform(6, 12);
          p50 *= f;
          p95 *= f;
          p99 *= f;
        }
        case ERROR_BURST -> {
          errors = uniform(0.15, 0.5);
          healthy = random.nextBoolean();
        }
        case CPU_SATURATION -> cpu = uniform(0.96, 1.0);
        case MEMORY_LEAK_JUMP -> mem *= uniform(2.0, 3.0);
        case TRAFFIC_DROP -> {
          rate *= uniform(0.1, 0.25);
          double f = uniform(4, 8);
          p50 *= f;
          p95 *= f;
          p99 *= f;
        }
      }
    }
    double requests = rate * INTERVAL_SECONDS;
    long bytesIn = Math.round(requests * service.requestBytes() * lognormal(0.05));
    long bytesOut = Math.round(requests * service.responseBytes() * (1 - errors) * lognormal(0.05));
    int connections = (int) Math.max(0, Math.round(10 + rate * p50 / 1000 * 4 + 2 * random.nextGaussian()));
    var value = ServiceTelemetry.newBuilder()
        .setService(service.name())
        .setInstanceId(service.name() + "-" + (instance % INSTANCES_PER_SERVICE + 1))
        .setTimestamp(timestamp)
        .setRequestRate(rate)
        .setErrorRate(errors)
        .setLatency(new Latency(p50, p95, p99))
        .setCpuUtilization(cpu)
        .setMemoryMb(mem)
        .setBytesIn(bytesIn)
        .setBytesOut(bytesOut)
        .setActiveConnections(connections)
        .setHealthy(healthy)
        .setRegion(service.region())
        .build();
    return new SimulatedEvent(value, kind);
  }

  private static double baseMemory(int instance) {
    return SERVICES.get(instance / INSTANCES_PER_SERVICE).baseMemoryMb() * (1 + 0.05 * (instance % INSTANCES_PER_SERVICE));
  }

  private double lognormal(double sigma) {
    return Math.exp(sigma * random.nextGaussian());
  }

  private double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
