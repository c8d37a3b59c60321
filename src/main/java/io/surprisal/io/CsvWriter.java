package io.surprisal.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a UTF-8 CSV file: a header row, then rows of the same width, each ended by LF.
 *
 * <p>Numbers are written by {@link Double#toString(double)}, the shortest decimal that reads back as
 * the same double (so {@code 0.1} stays {@code 0.1} and nothing is lost in a round trip; integers
 * come out as {@code 3.0}, large and small numbers as {@code 1.0E-5}). Non-finite values are written
 * as {@code NaN}, {@code Infinity} and {@code -Infinity}, which Python and pandas read, though
 * {@link CsvReader} rejects them as input. Text cells are quoted when they hold a comma, a quote or
 * a line break.
 *
 * <pre>{@code
 * try (CsvWriter out = CsvWriter.create(path, List.of("log_likelihood", "p_value", "alert"))) {
 *   out.cell(logLikelihood).cell(pValue).cell(alert).endRow();
 * }
 * }</pre>
 */
public final class CsvWriter implements Closeable, Flushable {
  private static final int BUFFER_CHARS = 1 << 16;

  private final Writer out;
  private final int width;
  private int cellsInRow;

  private CsvWriter(Writer out, List<String> header) throws IOException {
    if (header.isEmpty()) {
      throw new IllegalArgumentException("a CSV header needs at least one column");
    }
    this.out = out;
    this.width = header.size();
    for (String name : header) {
      cell(name);
    }
    endRow();
  }

  /** Creates or replaces the file at {@code path} and writes the header. */
  public static CsvWriter create(Path path, List<String> header) throws IOException {
    Writer writer = new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8);
    return to(writer, header);
  }

  /** Writes to {@code writer}, buffered; closing this closes it. Writes the header. */
  public static CsvWriter to(Writer writer, List<String> header) throws IOException {
    return new CsvWriter(new BufferedWriter(writer, BUFFER_CHARS), header);
  }

  public CsvWriter cell(double value) throws IOException {
    separate();
    out.write(Double.toString(value));
    return this;
  }

  public CsvWriter cell(long value) throws IOException {
    separate();
    out.write(Long.toString(value));
    return this;
  }

  /** Writes {@code true} or {@code false}, which {@link CsvReader} reads as 1 and 0. */
  public CsvWriter cell(boolean value) throws IOException {
    separate();
    out.write(value ? "true" : "false");
    return this;
  }

  public CsvWriter cell(String text) throws IOException {
    separate();
    if (needsQuotes(text)) {
      out.write('"');
      out.write(text.replace("\"", "\"\""));
      out.write('"');
    } else {
      out.write(text);
    }
    return this;
  }

  /**
   * Ends the current row.
   *
   * @throws IllegalStateException if the row does not have as many cells as the header
   */
  public void endRow() throws IOException {
    if (cellsInRow != width) {
      throw new IllegalStateException(
          "row has " + cellsInRow + " cells but the header has " + width + " columns");
    }
    out.write('\n');
    cellsInRow = 0;
  }

  /** Writes one row of numbers. */
  public void writeRow(double... values) throws IOException {
    if (values.length != width) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values but the header has " + width + " columns");
    }
    for (double v : values) {
      cell(v);
    }
    endRow();
  }

  private void separate() throws IOException {
    if (cellsInRow == width) {
      throw new IllegalStateException("row already has the header's " + width + " cells");
    }
    if (cellsInRow > 0) {
      out.write(',');
    }
    cellsInRow++;
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return text.charAt(0) == '\uFEFF' || text.strip().length() != text.length();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Flushes and closes the file.
   *
   * @throws IllegalStateException if a row was started but not ended
   */
  @Override
  public void close() throws IOException {
    try {
      if (cellsInRow != 0) {
        throw new IllegalStateException("closed in the middle of a row (" + cellsInRow + " cells)");
      }
    } finally {
      out.close();
    }
  }
}
