package io.surprisal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberCellTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3|3.0", "-0.5|-0.5", "1.5e-3|0.0015", "+2.|2.0", ".5|0.5", "' 7 '|7.0", "1E2|100.0",
      "true|1.0", "FALSE|0.0", "True|1.0", "1.7976931348623157E308|1.7976931348623157E308",
      "4.9E-324|4.9E-324"})
  void parse_acceptedCells(String text, double expected) {
    assertThat(NumberCell.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "inf", "-inf", "+INF"})
  void parse_nonFinite_isRejected(String text) {
    assertThatThrownBy(() -> NumberCell.parse(text))
        .hasMessage("not a finite number: \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999", "-2e308"})
  void parse_overflowToInfinity_isRejected(String text) {
    assertThatThrownBy(() -> NumberCell.parse(text))
        .hasMessage("number too large for a double: \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1d", "2f", "0x1p3", "1,5", "--1", "1e", ".", "yes", "1 2"})
  void parse_notANumber_isRejected(String text) {
    assertThatThrownBy(() -> NumberCell.parse(text))
        .hasMessage("not a number: \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void parse_empty_isAMissingValue(String text) {
    assertThatThrownBy(() -> NumberCell.parse(text)).hasMessage("missing value (empty cell)");
  }

  @Test
  void quote_escapesLineBreaksAndCutsLongCells() {
    assertThat(NumberCell.quote("a\nb\"c")).isEqualTo("\"a\\nb\\\"c\"");
    assertThat(NumberCell.quote("x".repeat(50)))
        .isEqualTo("\"" + "x".repeat(40) + "\"... (50 characters)");
  }
}
