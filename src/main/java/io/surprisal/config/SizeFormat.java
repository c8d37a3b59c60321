package io.surprisal.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes in bytes written as a whole number with an optional unit: {@code B}, {@code KB},
 * {@code MB}, {@code GB}, {@code TB} or {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB}, in any
 * case, a space allowed before the unit. Both spellings are powers of 1024, as in the JVM's
 * {@code -Xmx} and Spring's {@code DataSize}: {@code 1KB = 1KiB = 1024} bytes. No unit means bytes.
 */
final class SizeFormat {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?");

  private SizeFormat() {}

  /**
   * @throws IllegalArgumentException if the text is not a size, or it overflows a long
   */
  static long parse(String text) {
    Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: " + text);
    }
    String unit = m.group(2) == null ? "b" : m.group(2);
    int shift =
        switch (unit.charAt(0)) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          case 't' -> 40;
          default -> 0;
        };
    try {
      long amount = Long.parseLong(m.group(1));
      return Math.multiplyExact(amount, 1L << shift);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("size too large: " + text, e);
    }
  }
}
