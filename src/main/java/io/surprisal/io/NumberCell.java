package io.surprisal.io;

/**
 * Reads one CSV cell as a finite double.
 *
 * <p>Accepted: decimal numbers as Java and most tools write them ({@code 3}, {@code -0.5}, {@code
 * 1.5e-3}, {@code +2.}, {@code .5}), with spaces around them, and {@code true}/{@code false} in any
 * case as 1 and 0, so that a column of booleans (a label, a flag) can be used as it is. Rejected:
 * empty cells, {@code NaN}, {@code Infinity}, {@code inf} and numbers too large for a double (they
 * would become infinite and poison every sum a model makes), and everything Java would otherwise
 * accept that no CSV producer means as a number: hexadecimal floats and the {@code d}/{@code f}
 * suffixes.
 */
final class NumberCell {
  private static final int SHOWN_CHARS = 40;

  private NumberCell() {}

  /**
   * @throws BadCellException saying what is wrong with {@code text}
   */
  static double parse(String text) {
    String cell = text.strip();
    if (cell.isEmpty()) {
      throw new BadCellException("missing value (empty cell)");
    }
    if (!looksDecimal(cell)) {
      if (cell.equalsIgnoreCase("true")) {
        return 1.0;
      }
      if (cell.equalsIgnoreCase("false")) {
        return 0.0;
      }
      throw new BadCellException(nonFinite(cell)
          ? "not a finite number: " + quote(text)
          : "not a number: " + quote(text));
    }
    double value;
    try {
      value = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new BadCellException("not a number: " + quote(text));
    }
    if (Double.isInfinite(value)) {
      throw new BadCellException("number too large for a double: " + quote(text));
    }
    return value;
  }

  private static boolean looksDecimal(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e'
          || c == 'E';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean nonFinite(String cell) {
    String lower = cell.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("+") || lower.startsWith("-")) {
      lower = lower.substring(1);
    }
    return lower.equals("nan") || lower.equals("inf") || lower.equals("infinity");
  }

  /** The cell in double quotes, with line breaks and control characters escaped, cut if long. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    int shown = Math.min(text.length(), SHOWN_CHARS);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (text.length() > SHOWN_CHARS) {
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }

  /** What is wrong with a cell; {@link NumericRows} adds where the cell is. */
  static final class BadCellException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadCellException(String problem) {
      super(problem);
    }
  }
}
