package io.surprisal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

  @ParameterizedTest(name = "\"{0}\" = {1}")
  @CsvSource({
    "250ms, PT0.25S",
    "90s, PT1M30S",
    "5m, PT5M",
    "1h, PT1H",
    "2d, PT48H",
    "' 5 m ', PT5M",
    "10MS, PT0.01S",
    "PT1M30S, PT1M30S",
    "pt2h, PT2H",
    "P1D, PT24H",
    "0s, PT0S"
  })
  void duration_validText_parsesToTheDuration(String text, String iso) {
    assertThat(ValueType.DURATION.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"abc", "5", "5x", "", "1.5h", "m", "5 minutes", "PT", "-5m", "99999999999999999999d"})
  void duration_invalidText_isRejected(String text) {
    assertThatThrownBy(() -> ValueType.DURATION.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "\"{0}\" = {1} bytes")
  @CsvSource({
    "512, 512",
    "512B, 512",
    "64KB, 65536",
    "64kib, 65536",
    "2 MB, 2097152",
    "1GiB, 1073741824",
    "1tb, 1099511627776"
  })
  void size_validText_parsesToBytes(String text, long bytes) {
    assertThat(ValueType.SIZE.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"1.5GB", "-1", "10PB", "MB", "", "9999999999TB", "12 34"})
  void size_invalidText_isRejected(String text) {
    assertThatThrownBy(() -> ValueType.SIZE.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbers_validText_parse() {
    assertThat(ValueType.INT.parse(" -42 ")).isEqualTo(-42);
    assertThat(ValueType.LONG.parse("10000000000")).isEqualTo(10_000_000_000L);
    assertThat(ValueType.DOUBLE.parse("1e-6")).isEqualTo(1e-6);
    assertThat(ValueType.DOUBLE.parse(".5")).isEqualTo(0.5);
    assertThat(ValueType.DOUBLE.parse("-3")).isEqualTo(-3.0);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"NaN", "Infinity", "1d", "0x1p3", "1e999", "", "one"})
  void double_nonDecimalOrInfinite_isRejected(String text) {
    assertThatThrownBy(() -> ValueType.DOUBLE.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void int_outOfRangeOrFraction_isRejected() {
    assertThatThrownBy(() -> ValueType.INT.parse("3000000000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueType.INT.parse("1.0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void boolean_acceptsOnlyTrueAndFalseInAnyCase() {
    assertThat(ValueType.BOOLEAN.parse("TRUE")).isTrue();
    assertThat(ValueType.BOOLEAN.parse(" false")).isFalse();
    assertThatThrownBy(() -> ValueType.BOOLEAN.parse("yes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueType.BOOLEAN.parse("1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private enum Mode { SLIDING, RESERVOIR }

  @Test
  void enum_acceptsItsConstantsInAnyCase_andStatesThemOtherwise() {
    ValueType<Mode> mode = ValueType.ofEnum("sliding or reservoir", Mode.class);
    assertThat(mode.parse(" Reservoir ")).isEqualTo(Mode.RESERVOIR);
    assertThat(mode.parse("sliding")).isEqualTo(Mode.SLIDING);
    assertThat(mode.expectation()).isEqualTo("sliding or reservoir");
    assertThatThrownBy(() -> mode.parse("random")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void list_commaSeparated_isStrippedAndDropsEmptyItems() {
    assertThat(ValueType.STRING_LIST.parse(" a, b ,,c ")).containsExactly("a", "b", "c");
    assertThat(ValueType.STRING_LIST.parse("")).isEmpty();
    assertThat(ValueType.list(ValueType.DURATION).parse("1s,2m"))
        .isEqualTo(List.of(Duration.ofSeconds(1), Duration.ofMinutes(2)));
  }

  @Test
  void list_badItem_isRejectedAndExpectationNamesTheItemType() {
    ValueType<List<Duration>> durations = ValueType.list(ValueType.DURATION);

    assertThatThrownBy(() -> durations.parse("1s,abc")).isInstanceOf(IllegalArgumentException.class);
    assertThat(durations.expectation())
        .isEqualTo("a comma-separated list, each item a duration like 30s or 5m");
  }
}
