package io.surprisal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.generate.Simulation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {
  @Test
  void defaults_areTheDocumentedOnes() {
    assertThat(DemoSettings.defaults()).isEqualTo(
        new DemoSettings(2000, 0.01, 1, Duration.ofSeconds(15), 5000, 10_000, 3,
            Simulation.TELEMETRY));
  }

  @Test
  void withers_changeOnlyTheirValue() {
    DemoSettings s = DemoSettings.defaults().withRate(500).withAnomalyRate(0.05).withSeed(7)
        .withRetrainInterval(Duration.ofSeconds(30)).withTraining(2000, 4000).withEvents(Simulation.SENSORS);

    assertThat(s).isEqualTo(new DemoSettings(500, 0.05, 7, Duration.ofSeconds(30), 2000, 4000, 3, Simulation.SENSORS));
  }

  @Test
  void withRate_zero_throwsNamingTheValue() {
    assertThatThrownBy(() -> DemoSettings.defaults().withRate(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate").hasMessageContaining("0.0");
  }

  @Test
  void withAnomalyRate_aboveOne_throws() {
    assertThatThrownBy(() -> DemoSettings.defaults().withAnomalyRate(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
  }

  @Test
  void withRetrainInterval_belowASecond_throws() {
    assertThatThrownBy(() -> DemoSettings.defaults().withRetrainInterval(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.5S");
  }

  @Test
  void withTraining_windowSmallerThanEventsPerModel_throwsNamingBoth() {
    assertThatThrownBy(() -> DemoSettings.defaults().withTraining(5000, 4000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4000").hasMessageContaining("5000");
  }
}
