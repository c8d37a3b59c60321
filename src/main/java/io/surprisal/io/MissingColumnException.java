package io.surprisal.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Columns that were asked for by name but are not in a CSV file's header, for example {@code column
 * 'foo' is required by the model but missing from data.csv; it has: a, b, c}.
 */
public final class MissingColumnException extends CsvFormatException {
  private static final long serialVersionUID = 1L;
  private static final int NAMES_SHOWN = 20;

  private final List<String> missing;

  /**
   * @param source the file's display name
   * @param headerLine the line of the header row
   * @param missing the names asked for that the header lacks, at least one
   * @param available the header's names
   * @param reason why they were asked for, completing "column 'x' is ... but missing", for example
   *     "required by the model"
   */
  public MissingColumnException(
      String source, long headerLine, List<String> missing, List<String> available,
      String reason) {
    this(message(source, missing, available, reason), source, headerLine, missing);
  }

  private MissingColumnException(
      String message, String source, long headerLine, List<String> missing) {
    super(message, source, headerLine, 0, null, message);
    this.missing = List.copyOf(missing);
  }

  private static String problem(List<String> missing, String reason) {
    String names = missing.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    return missing.size() == 1
        ? "column " + names + " is " + reason
        : "columns " + names + " are " + reason;
  }

  private static String message(
      String source, List<String> missing, List<String> available, String reason) {
    String has = available.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
    if (available.size() > NAMES_SHOWN) {
      has += ", ... (" + available.size() + " columns)";
    }
    return problem(missing, reason) + " but missing from " + source + "; it has: " + has;
  }

  /** The names that were asked for but are not in the header. */
  public List<String> missing() {
    return missing;
  }
}
