package io.surprisal.generate;

import io.surprisal.avro.example.SensorReading;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic {@link SensorReading}s of a few pumps: seven sensors driven by two hidden factors, the
 * pump's load and its speed, so that they are strongly correlated, with injected anomalies at a known
 * rate. Deterministic for a seed.
 *
 * <p>A normal reading is {@code x_j = mean_j + sd_j (a_j . f + e_j)} with {@code f ~ N(0, I_2)} and
 * {@code e_j ~ N(0, 1 - |a_j|^2)}: each sensor is normal with its mean and spread, its own noise is 19
 * to 35 % of that spread, and the loadings {@code a_j} fix the correlations (0.6 to 0.92 in size for 19
 * of the 21 pairs). An anomaly mirrors one sensor about its mean, {@code x_j -> 2 mean_j - x_j}, on a
 * reading where that sensor is at least one spread from its mean: the value stays within the sensor's
 * normal range (its distribution is symmetric), but it contradicts the other six by at least two
 * spreads, six to ten times its own noise. Only the joint distribution shows it, as with a sensor that
 * is miswired or reports against the others.
 */
public final class SensorSimulator implements EventSource {
  /** Seconds between two readings of one pump. */
  public static final int INTERVAL_SECONDS = 5;
  /** Number of simulated pumps. */
  public static final int PUMPS = 4;

  /** A sensor: its mean and spread, and its loadings on the pump's load and speed. */
  private record Sensor(String name, double mean, double sd, double load, double speed) {
    double noise() {
      return Math.sqrt(1 - load * load - speed * speed);
    }
  }

  private static final List<Sensor> SENSORS = List.of(
      new Sensor("motor_current_a", 40, 6, 0.95, 0.25),
      new Sensor("shaft_speed_rpm", 1480, 120, 0.10, 0.97),
      new Sensor("flow_rate_lpm", 900, 90, 0.55, 0.80),
      new Sensor("outlet_pressure_kpa", 620, 45, 0.80, 0.55),
      new Sensor("inlet_pressure_kpa", 210, 12, -0.60, -0.72),
      new Sensor("bearing_temp_c", 58, 4, 0.70, 0.65),
      new Sensor("vibration_mm_s", 2.8, 0.5, 0.30, 0.90));

  private final SplittableRandom random;
  private final double anomalyRate;
  private final Instant start;
  private long index;

  /**
   * @param seed        seeds every draw
   * @param anomalyRate share of readings that are anomalies, in [0, 1]
   * @param start       timestamp of the first reading
   * @throws IllegalArgumentException if the rate is outside [0, 1]
   */
  public SensorSimulator(long seed, double anomalyRate, Instant start) {
    if (!(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new IllegalArgumentException("anomaly rate must be in [0, 1], got " + anomalyRate);
    }
    this.random = new SplittableRandom(seed);
    this.anomalyRate = anomalyRate;
    this.start = start;
  }

  /** The sensors' field names, in the schema's order. */
  public static List<String> sensors() {
    return SENSORS.stream().map(Sensor::name).toList();
  }

  @Override
  public SensorEvent next() {
    long millis = index * INTERVAL_SECONDS * 1000L / PUMPS;
    String pump = "pump-" + (index % PUMPS + 1);
    index++;
    boolean anomaly = random.nextDouble() < anomalyRate;
    int mirrored = anomaly ? random.nextInt(SENSORS.size()) : -1;
    double[] z = new double[SENSORS.size()];
    do {
      double load = random.nextGaussian();
      double speed = random.nextGaussian();
      for (int j = 0; j < z.length; j++) {
        Sensor s = SENSORS.get(j);
        z[j] = s.load() * load + s.speed() * speed + s.noise() * random.nextGaussian();
      }
    } while (anomaly && Math.abs(z[mirrored]) < 1);
    if (anomaly) {
      z[mirrored] = -z[mirrored];
    }
    double[] x = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      x[j] = SENSORS.get(j).mean() + SENSORS.get(j).sd() * z[j];
    }
    SensorReading value = SensorReading.newBuilder()
        .setPumpId(pump)
        .setTimestamp(start.plusMillis(millis))
        .setMotorCurrentA(x[0])
        .setShaftSpeedRpm(x[1])
        .setFlowRateLpm(x[2])
        .setOutletPressureKpa(x[3])
        .setInletPressureKpa(x[4])
        .setBearingTempC(x[5])
        .setVibrationMmS(x[6])
        .build();
    return new SensorEvent(value, anomaly ? "mirrored_" + SENSORS.get(mirrored).name() : null);
  }
}
