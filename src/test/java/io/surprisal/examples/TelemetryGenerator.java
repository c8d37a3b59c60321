package io.surprisal.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes {@code examples/telemetry.csv}: one row per minute of a web service's telemetry over about
 * three and a half days, with a {@code label} column marking about 1% injected anomalies.
 *
 * <p>Normal rows follow a daily traffic cycle with correlated metrics: CPU follows the request rate,
 * median latency follows CPU, the p99 is a noisy multiple of the median, memory has a garbage
 * collection sawtooth, and the error rate is small and heavy-tailed. Anomalies break one relation
 * each: a latency spike, an error burst, CPU runaway without traffic, a traffic drop, a memory leak.
 *
 * <p>Deterministic on every JDK: {@link SplittableRandom} and {@link StrictMath} are specified
 * bit for bit, and numbers are formatted with {@link Locale#ROOT}. Regenerate with
 * {@code java ... io.surprisal.examples.TelemetryGenerator examples/telemetry.csv};
 * {@code TelemetryGeneratorTest} checks that the committed file is this program's output.
 */
public final class TelemetryGenerator {
  static final String HEADER = "request_rate,error_rate,latency_p50_ms,latency_p99_ms,cpu_pct,memory_pct,label";
  static final int ROWS = 5000;
  static final long SEED = 20240611L;
  static final double ANOMALY_RATE = 0.01;

  private TelemetryGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "examples/telemetry.csv");
    Files.writeString(out, generate(ROWS, SEED), StandardCharsets.UTF_8);
  }

  static String generate(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    double drift = 0; // slowly wandering load, AR(1)
    for (int minute = 0; minute < rows; minute++) {
      drift = 0.97 * drift + 0.03 * random.nextGaussian();
      double day = 2 * StrictMath.PI * (minute / 1440.0 - 0.3);
      double load = 0.55 + 0.4 * StrictMath.sin(day) + 0.05 * StrictMath.sin(3 * day) + 0.3 * drift;
      load = Math.max(0.08, load);
      double rate = 900 * load * StrictMath.exp(0.06 * random.nextGaussian());
      double cpu = 6 + 0.065 * rate + 2.5 * random.nextGaussian();
      double p50 = 11 + 0.12 * cpu + 0.8 * random.nextGaussian();
      double p99 = p50 * (2.6 + 0.015 * cpu) * StrictMath.exp(0.12 * random.nextGaussian());
      double memory = 52 + 0.008 * rate + 9 * ((minute % 97) / 97.0) + 1.2 * random.nextGaussian();
      double errors = 0.0015 * StrictMath.exp(0.6 * random.nextGaussian());
      int label = 0;
      if (random.nextDouble() < ANOMALY_RATE) {
        label = 1;
        switch (random.nextInt(5)) {
          case 0 -> { // latency spike: a slow dependency
            p50 *= 1.8 + random.nextDouble();
            p99 *= 5 + 5 * random.nextDouble();
          }
          case 1 -> errors = 0.03 + 0.15 * random.nextDouble(); // error burst after a bad deploy
          case 2 -> cpu = 88 + 10 * random.nextDouble(); // runaway process: CPU without traffic
          case 3 -> { // traffic drop: upstream outage, the few requests that arrive fail
            rate *= 0.02 + 0.05 * random.nextDouble();
            errors = 0.02 + 0.1 * random.nextDouble();
          }
          default -> memory = 93 + 6 * random.nextDouble(); // memory leak near the limit
        }
      }
      csv.append(String.format(Locale.ROOT, "%.1f,%.5f,%.1f,%.1f,%.1f,%.1f,%d\n", rate, errors, p50, p99,
          clamp(cpu), clamp(memory), label));
    }
    return csv.toString();
  }

  private static double clamp(double percent) {
    return Math.max(0.5, Math.min(100, percent));
  }
}
