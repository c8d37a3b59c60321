package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandardizationTest {

  @Test
  void apply_usesTheTrainingMeanAndPopulationDeviation() {
    // column 0: mean 2, deviation 1; column 1 constant: scale 1, so only the mean is removed
    Standardization z = Standardization.of(new double[][] {{1, 7}, {3, 7}});
    assertThat(z.apply(new double[] {5, 9})).containsExactly(3, 2);
    assertThat(z.apply(new double[][] {{1, 7}, {3, 7}})).isDeepEqualTo(new double[][] {{-1, 0}, {1, 0}});
  }

  @Test
  void of_raggedRows_throwsNamingTheRow() {
    assertThatThrownBy(() -> Standardization.of(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("training row 1 has 1 values, row 0 has 2");
  }

  @Test
  void of_noRows_throws() {
    assertThatThrownBy(() -> Standardization.of(new double[0][]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one training row");
  }
}
