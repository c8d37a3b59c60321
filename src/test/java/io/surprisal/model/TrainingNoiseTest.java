package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingNoiseTest {

  @Test
  void parse_acceptsAutoInAnyCaseAndNumbers() {
    assertThat(TrainingNoise.parse(" Auto ")).isEqualTo(TrainingNoise.AUTO);
    assertThat(TrainingNoise.parse("SELECT")).isEqualTo(TrainingNoise.SELECT);
    assertThat(TrainingNoise.SELECT).hasToString("select");
    assertThat(TrainingNoise.bandwidth(0.5)).hasToString("scott x 0.5");
    assertThat(TrainingNoise.parse("0.25")).isEqualTo(TrainingNoise.fixed(0.25));
    assertThat(TrainingNoise.parse("0")).isEqualTo(TrainingNoise.NONE);
    assertThat(TrainingNoise.AUTO).hasToString("auto");
    assertThat(TrainingNoise.fixed(0.25)).hasToString("0.25");
  }

  @Test
  void parse_refusesOtherTextAndOutOfRangeNumbers_namingTheValue() {
    assertThatThrownBy(() -> TrainingNoise.parse("some")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("training noise must be select, auto or a number in [0, 10), got 'some'");
    assertThatThrownBy(() -> TrainingNoise.parse("-0.1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("training noise must be in [0, 10), got -0.1");
    assertThatThrownBy(() -> TrainingNoise.parse("NaN")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrainingNoise.parse("10")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sigma_isFixed_orScottsRuleTimesTheFactor() {
    assertThat(TrainingNoise.fixed(0.3).sigma(1000, 5)).isEqualTo(0.3);
    // n^(-1/(d+4)): 1000 rows of 6 features -> 1000^-0.1 = 0.501; of 21 features -> 1000^-0.04 = 0.759
    assertThat(TrainingNoise.AUTO.sigma(1000, 6)).isCloseTo(TrainingNoise.AUTO_FACTOR * 0.50119, within(1e-4));
    assertThat(TrainingNoise.AUTO.sigma(1000, 21)).isCloseTo(TrainingNoise.AUTO_FACTOR * 0.75858, within(1e-4));
    assertThat(TrainingNoise.AUTO.sigma(100_000, 6)).as("more rows, a narrower kernel")
        .isLessThan(TrainingNoise.AUTO.sigma(1000, 6));
    assertThat(TrainingNoise.bandwidth(1).sigma(1000, 6)).isCloseTo(0.50119, within(1e-4));
    assertThatThrownBy(() -> TrainingNoise.SELECT.sigma(1000, 6)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void grid_runsFromTheSharpestToTheSmoothest() {
    assertThat(TrainingNoise.SELECT.candidates()).isEqualTo(TrainingNoise.GRID);
    assertThat(TrainingNoise.SHARP.candidates()).containsExactly(TrainingNoise.SHARP);
    double previous = 0;
    for (TrainingNoise c : TrainingNoise.GRID) { // 30,000 rows of 36 features: the narrowest Scott's rule of the fit test
      double sigma = c.sigma(30_000, 36);
      assertThat(sigma).as("%s", c).isGreaterThan(previous);
      previous = sigma;
    }
  }
}
