package io.surprisal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeyTest {

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Retrain.interval", "retrain..interval", ".x", "x.", "a b", "", "a._b"})
  void required_illegalName_throwsQuotingIt(String name) {
    assertThatThrownBy(() -> ConfigKey.required(name, ValueType.STRING, "doc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + name + "\"");
  }

  @Test
  void validatedBy_defaultFailingTheValidator_throwsNamingKeyAndDefault() {
    ConfigKey<Duration> key =
        ConfigKey.withDefault("retrain.interval", ValueType.DURATION, Duration.ZERO, "doc");

    assertThatThrownBy(() -> key.validatedBy(Validator.atLeast(Duration.ofSeconds(1), "1s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("default of 'retrain.interval' must be at least 1s, got PT0S");
  }

  @Test
  void validatedBy_returnsANewKeyAndLeavesTheOriginalUnvalidated() {
    ConfigKey<Integer> plain = ConfigKey.withDefault("size", ValueType.INT, 3, "doc");
    ConfigKey<Integer> checked = plain.validatedBy(Validator.between(1, 5));

    assertThat(plain.validator()).isEmpty();
    assertThat(checked.validator()).isPresent();
    assertThat(checked.defaultValue()).contains(3);
    assertThat(checked.name()).isEqualTo("size");
  }

  @Test
  void factories_setRequiredAndDefaultAsNamed() {
    assertThat(ConfigKey.required("a", ValueType.INT, "doc").isRequired()).isTrue();
    assertThat(ConfigKey.optional("a", ValueType.INT, "doc").isRequired()).isFalse();
    assertThat(ConfigKey.optional("a", ValueType.INT, "doc").defaultValue()).isEmpty();
    assertThat(ConfigKey.withDefault("a", ValueType.INT, 7, "doc").defaultValue()).contains(7);
  }

  @Test
  void validators_acceptExactlyTheirRange() {
    Validator<Integer> between = Validator.between(1, 5);
    Validator<String> oneOf = Validator.oneOf(java.util.List.of("a", "b"));

    assertThat(between.accepts(1)).isTrue();
    assertThat(between.accepts(5)).isTrue();
    assertThat(between.accepts(6)).isFalse();
    assertThat(between.expectation()).isEqualTo("between 1 and 5");
    assertThat(oneOf.accepts("b")).isTrue();
    assertThat(oneOf.accepts("c")).isFalse();
    assertThat(oneOf.expectation()).isEqualTo("one of [a, b]");
  }
}
