package io.surprisal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written as a whole number and a unit, {@code ms}, {@code s}, {@code m}, {@code h}
 * or {@code d} ({@code 250ms}, {@code 90s}, {@code 5m}, {@code 1h}, {@code 2d}, units in any case,
 * a space allowed before the unit), or in ISO-8601 ({@code PT1M30S}, {@code P1D}). A bare number
 * is refused: its unit would be a guess.
 */
final class DurationFormat {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private DurationFormat() {}

  /**
   * @throws IllegalArgumentException if the text is neither form, or the duration overflows
   */
  static Duration parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("p") || lower.startsWith("-p") || lower.startsWith("+p")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration: " + text, e);
      }
    }
    Matcher m = SHORT.matcher(lower);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    ChronoUnit unit =
        switch (m.group(2)) {
          case "ms" -> ChronoUnit.MILLIS;
          case "s" -> ChronoUnit.SECONDS;
          case "m" -> ChronoUnit.MINUTES;
          case "h" -> ChronoUnit.HOURS;
          default -> ChronoUnit.DAYS;
        };
    try {
      return Duration.of(Long.parseLong(m.group(1)), unit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration too long: " + text, e);
    }
  }
}
