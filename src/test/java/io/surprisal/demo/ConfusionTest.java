package io.surprisal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionTest {
  @Test
  void plus_eachOutcome_countsInItsCell() {
    Confusion c = Confusion.EMPTY.plus(true, true).plus(true, false).plus(false, true).plus(false, false)
        .plus(false, false);

    assertThat(c).isEqualTo(new Confusion(1, 1, 1, 2));
    assertThat(c.events()).isEqualTo(5);
    assertThat(c.alerts()).isEqualTo(2);
    assertThat(c.anomalies()).isEqualTo(2);
  }

  @Test
  void precisionRecallAndFalsePositiveRate_areTheUsualRatios() {
    Confusion c = new Confusion(90, 10, 5, 895);

    assertThat(c.precision()).isCloseTo(0.9, within(1e-12));
    assertThat(c.recall()).isCloseTo(90 / 95.0, within(1e-12));
    assertThat(c.falsePositiveRate()).isCloseTo(10 / 905.0, within(1e-12));
  }

  @Test
  void ratios_withNothingToDivideBy_areZero() {
    assertThat(Confusion.EMPTY.precision()).isZero();
    assertThat(Confusion.EMPTY.recall()).isZero();
    assertThat(Confusion.EMPTY.falsePositiveRate()).isZero();
  }

  @Test
  void constructor_negativeCount_throwsNamingIt() {
    assertThatThrownBy(() -> new Confusion(1, -2, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fp=-2");
  }
}
