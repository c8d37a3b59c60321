package io.surprisal.flow.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowTrainerTest {

  @Test
  void effectivePatience_capsIdleEpochsOnLargeData_butNotOnSmallData() {
    assertThat(FlowTrainer.effectivePatience(10, 5)).as("small data: ten epochs are 50 steps").isEqualTo(10);
    assertThat(FlowTrainer.effectivePatience(10, 94)).as("30,000 rows at batch 256").isEqualTo(5);
    assertThat(FlowTrainer.effectivePatience(10, 1000)).as("never below three epochs").isEqualTo(3);
    assertThat(FlowTrainer.effectivePatience(2, 1000)).as("a smaller configured patience wins").isEqualTo(2);
  }
}
