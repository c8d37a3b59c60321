package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.model.Calibration;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class AlertLevelTest {

  private static Calibration calibration(int n) {
    return new Calibration(DoubleStream.iterate(1, v -> v + 0.5).limit(n).toArray());
  }

  @Test
  void unreachable_withoutATailModel_saysNoEventCanAlert() {
    assertThat(AlertLevel.unreachable(calibration(10), 0.001)).hasValueSatisfying(
        w -> assertThat(w).contains("with 10 calibration rows the smallest p-value is 0.0909").contains(
            "no event can alert"));
  }

  @Test
  void unreachable_withATailModel_saysAlertsRestOnTheTail() {
    assertThat(AlertLevel.unreachable(calibration(40), 0.001)).hasValueSatisfying(
        w -> assertThat(w).contains("conformal p-values stop at 0.0244").contains("alerts rest on the tail"));
  }

  @Test
  void unreachable_whenAlphaIsWithinTheConformalRange_isSilent() {
    assertThat(AlertLevel.unreachable(calibration(40), 0.05)).isEmpty();
  }
}
