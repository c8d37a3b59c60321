package io.surprisal.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the text of a setting becomes a typed value. {@link #parse} throws {@link
 * IllegalArgumentException} for text it does not accept; {@link Config} turns that into an {@link
 * InvalidConfigValueException} that quotes {@link #expectation()}, the key, the text and its origin.
 *
 * <p>Every type strips leading and trailing whitespace before parsing.
 */
public interface ValueType<T> {
  /** Any text, stripped. */
  ValueType<String> STRING = of("a string", text -> text);

  /** A 32-bit integer in decimal: {@code 42}, {@code -1}. */
  ValueType<Integer> INT = of("an integer like 42", Integer::parseInt);

  /** A 64-bit integer in decimal. */
  ValueType<Long> LONG = of("an integer like 42", Long::parseLong);

  /** A finite decimal number: {@code 0.5}, {@code -3}, {@code 1e-6}. */
  ValueType<Double> DOUBLE = of("a number like 0.5", ValueType::parseFiniteDouble);

  /** {@code true} or {@code false}, in any case; nothing else. */
  ValueType<Boolean> BOOLEAN = of("true or false", ValueType::parseBoolean);

  /** A duration: see {@link DurationFormat} ({@code 250ms}, {@code 90s}, {@code 5m}, {@code PT1H}). */
  ValueType<Duration> DURATION = of("a duration like 30s or 5m", DurationFormat::parse);

  /** A size in bytes: see {@link SizeFormat} ({@code 512}, {@code 64KB}, {@code 1GiB}). */
  ValueType<Long> SIZE = of("a size like 512KB, 64MB or 1GB", SizeFormat::parse);

  /** A comma-separated list of strings; empty text is the empty list. */
  ValueType<List<String>> STRING_LIST = list(STRING);

  /**
   * Parses the text, which has been stripped of leading and trailing whitespace.
   *
   * @throws IllegalArgumentException if the text is not a value of this type
   */
  T parse(String text);

  /** What a valid text looks like, to complete "must be ...": {@code "a duration like 30s or 5m"}. */
  String expectation();

  /** A type from its expectation and a parser that throws {@link IllegalArgumentException}. */
  static <T> ValueType<T> of(String expectation, Function<String, T> parser) {
    return new ParserValueType<>(expectation, parser);
  }

  /** A constant of an enum, named in any case; {@code expectation} lists them ("sliding or reservoir"). */
  static <E extends Enum<E>> ValueType<E> ofEnum(String expectation, Class<E> type) {
    return of(expectation, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
  }

  /**
   * A comma-separated list of elements of the given type: {@code "a, b,c"}. Each element is
   * stripped, empty elements are dropped, and empty text is the empty list.
   */
  static <E> ValueType<List<E>> list(ValueType<E> element) {
    Pattern comma = Pattern.compile(",");
    return of(
        "a comma-separated list, each item " + element.expectation(),
        text ->
            Arrays.stream(comma.split(text))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .map(element::parse)
                .toList());
  }

  private static double parseFiniteDouble(String text) {
    // Double.parseDouble alone would also take "NaN", "Infinity", "1d" and hexadecimal
    if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw new IllegalArgumentException("not a decimal number: " + text);
    }
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("out of range: " + text);
    }
    return value;
  }

  private static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not true or false: " + text);
    };
  }
}
