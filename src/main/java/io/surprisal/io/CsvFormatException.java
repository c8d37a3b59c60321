package io.surprisal.io;

import io.surprisal.SurprisalException;
import java.util.Optional;

/**
 * A CSV file that cannot be read as the data asked for, with the place that is wrong.
 *
 * <p>The message reads {@code source:line:column (column 'name'): problem}, for example {@code
 * scores.csv:12:3 (column 'x2'): not a number: "abc"}; the column part is left out when the problem
 * is not about one cell (an empty file) and the name when the column has none (a cell past the last
 * header column). Lines and columns are 1-based; the line is the physical line of the file, so a
 * quoted field that spans lines is reported at the line where it starts.
 */
public class CsvFormatException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final int column;
  private final String columnName;
  private final String problem;

  /**
   * @param source the file's display name
   * @param line 1-based line, or 0 if the problem is about the whole file
   * @param column 1-based column, or 0 if the problem is not about one column
   * @param columnName the header name of {@code column}, or null if it has none
   * @param problem what is wrong, without the location
   */
  public CsvFormatException(
      String source, long line, int column, String columnName, String problem) {
    this(location(source, line, column, columnName) + problem, source, line, column, columnName,
        problem);
  }

  /** For subclasses whose message is not {@code location: problem}. */
  protected CsvFormatException(
      String message, String source, long line, int column, String columnName, String problem) {
    super(message);
    this.source = source;
    this.line = line;
    this.column = column;
    this.columnName = columnName;
    this.problem = problem;
  }

  private static String location(String source, long line, int column, String columnName) {
    StringBuilder at = new StringBuilder(source);
    if (line > 0) {
      at.append(':').append(line);
      if (column > 0) {
        at.append(':').append(column);
      }
    }
    if (columnName != null) {
      at.append(" (column '").append(columnName).append("')");
    }
    return at.append(": ").toString();
  }

  /** The file's display name. */
  public String source() {
    return source;
  }

  /** The 1-based line, 0 if the problem is about the whole file. */
  public long line() {
    return line;
  }

  /** The 1-based column, 0 if the problem is not about one column. */
  public int column() {
    return column;
  }

  /** The header name of the column, if the problem is about one named column. */
  public Optional<String> columnName() {
    return Optional.ofNullable(columnName);
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
