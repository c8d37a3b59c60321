package io.surprisal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelVersionNumberTest {

  @Test
  void valid_isOneToTheBound() {
    assertThat(ModelVersionNumber.valid(1)).isTrue();
    assertThat(ModelVersionNumber.valid(ModelVersionNumber.MAX)).isTrue();
    assertThat(ModelVersionNumber.valid(0)).isFalse();
    assertThat(ModelVersionNumber.valid(-5)).isFalse();
    assertThat(ModelVersionNumber.valid(ModelVersionNumber.MAX + 1)).isFalse();
    assertThat(ModelVersionNumber.valid(Long.MAX_VALUE)).isFalse();
    assertThat(ModelVersionNumber.valid(Long.MIN_VALUE)).isFalse();
  }

  @Test
  void next_countsOnWithoutOverflow_andRefusesPastTheBound() {
    assertThat(ModelVersionNumber.next(0)).isEqualTo(1);
    assertThat(ModelVersionNumber.next(41)).isEqualTo(42);
    assertThatThrownBy(() -> ModelVersionNumber.next(ModelVersionNumber.MAX)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("highest version number");
    assertThatThrownBy(() -> ModelVersionNumber.next(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(Long.MAX_VALUE));
  }

  @Test
  void problem_namesTheNumber() {
    assertThat(ModelVersionNumber.problem(7)).isNull();
    assertThat(ModelVersionNumber.problem(Long.MAX_VALUE)).contains(String.valueOf(Long.MAX_VALUE)).contains("outside");
  }
}
