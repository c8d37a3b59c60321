package io.surprisal.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every simulation promises: its events are a function of the seed, and its anomaly rate holds. */
class SimulationTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private static List<LabelledEvent> events(Simulation simulation, long seed, double rate, int n) {
    EventSource source = simulation.events(seed, rate, START);
    List<LabelledEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(source.next());
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Simulation.class)
  void next_sameSeed_sameEvents_otherSeed_otherEvents(Simulation simulation) {
    assertThat(events(simulation, 3, 0.05, 500)).isEqualTo(events(simulation, 3, 0.05, 500));
    assertThat(events(simulation, 3, 0.05, 500)).isNotEqualTo(events(simulation, 4, 0.05, 500));
  }

  @ParameterizedTest
  @EnumSource(Simulation.class)
  void next_anomalyRate_isMetWithinSamplingError(Simulation simulation) {
    long anomalies = events(simulation, 5, 0.01, 20_000).stream().filter(LabelledEvent::isAnomaly).count();

    // binomial(20000, 0.01): mean 200, standard deviation 14
    assertThat(anomalies).isBetween(155L, 245L);
  }
}
