package io.surprisal.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.testing.Gaussian;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorSimulatorTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final List<String> SENSORS = SensorSimulator.sensors();
  private static final int D = SENSORS.size();

  private static List<SensorEvent> events(long seed, double rate, int n) {
    SensorSimulator sim = new SensorSimulator(seed, rate, START);
    List<SensorEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(sim.next());
    }
    return out;
  }

  private static double[] rows(List<SensorEvent> events) {
    double[] rows = new double[events.size() * D];
    for (int i = 0; i < events.size(); i++) {
      for (int j = 0; j < D; j++) {
        rows[i * D + j] = (Double) events.get(i).value().get(SENSORS.get(j));
      }
    }
    return rows;
  }

  @Test
  void next_normalReadings_areStronglyCorrelatedThroughLoadAndSpeed() {
    double[] rows = rows(events(6, 0, 20_000));
    // current (loadings 0.95, 0.25) and outlet pressure (0.80, 0.55): correlation 0.90
    assertThat(correlation(rows, 20_000, 0, 3)).isBetween(0.88, 0.92);
    // suction pressure falls as flow rises: (-0.60, -0.72) against (0.55, 0.80), correlation -0.91
    assertThat(correlation(rows, 20_000, 2, 4)).isBetween(-0.93, -0.89);
  }

  @Test
  void next_anomalies_stayInTheSensorsRangeButBreakTheJointDistribution() {
    List<SensorEvent> normal = events(7, 0, 20_000);
    List<SensorEvent> anomalies = events(8, 1, 500);
    double[] normalRows = rows(normal);
    double[] anomalyRows = rows(anomalies);

    // the mirrored value has the sensor's normal distribution: within the range 20,000 normal readings
    // span, but for the odd one mirrored from beyond that range
    int inRange = 0;
    for (int i = 0; i < anomalies.size(); i++) {
      int j = SENSORS.indexOf(anomalies.get(i).anomalyKind().substring("mirrored_".length()));
      assertThat(j).isNotNegative();
      double v = anomalyRows[i * D + j];
      inRange += v >= min(normalRows, j) && v <= max(normalRows, j) ? 1 : 0;
    }
    assertThat(inRange).isGreaterThanOrEqualTo(anomalies.size() - 2);
    // under the true (here: fitted) Gaussian nearly every anomaly is beyond the normal readings' 0.999
    // quantile (measured: 496 of 500; a mirrored sensor can land near where the others put it)
    Gaussian truth = Gaussian.fit(normalRows, normal.size(), D);
    double[] normalNll = new double[normal.size()];
    for (int i = 0; i < normal.size(); i++) {
      normalNll[i] = -truth.logDensity(normalRows, i * D);
    }
    Arrays.sort(normalNll);
    double q999 = normalNll[(int) (0.999 * normal.size())];
    long beyond = 0;
    for (int i = 0; i < anomalies.size(); i++) {
      beyond += -truth.logDensity(anomalyRows, i * D) > q999 ? 1 : 0;
    }
    assertThat(beyond).isGreaterThanOrEqualTo(490);
  }

  @Test
  void headers_carryTheTruthAndWhichSensorWasMirrored() {
    SensorEvent anomaly = events(9, 1, 1).getFirst();
    SensorEvent normal = events(9, 0, 1).getFirst();

    assertThat(SimulatedEvent.isAnomaly(anomaly.headers())).isTrue();
    assertThat(new String(anomaly.headers().lastHeader(SimulatedEvent.KIND_HEADER).value()))
        .startsWith("mirrored_").isEqualTo(anomaly.anomalyKind());
    assertThat(SimulatedEvent.isAnomaly(normal.headers())).isFalse();
    assertThat(normal.headers().lastHeader(SimulatedEvent.KIND_HEADER)).isNull();
    assertThat(normal.key()).isEqualTo("pump-1");
  }

  private static double correlation(double[] rows, int n, int a, int b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += rows[i * D + a] / n;
      mb += rows[i * D + b] / n;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = rows[i * D + a] - ma;
      double db = rows[i * D + b] - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static double min(double[] rows, int j) {
    double m = Double.POSITIVE_INFINITY;
    for (int i = j; i < rows.length; i += D) {
      m = Math.min(m, rows[i]);
    }
    return m;
  }

  private static double max(double[] rows, int j) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = j; i < rows.length; i += D) {
      m = Math.max(m, rows[i]);
    }
    return m;
  }
}
