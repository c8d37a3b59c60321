package io.surprisal.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a UTF-8 CSV file with a header row as numbers, streaming.
 *
 * <p>The format is RFC 4180 with the leniencies listed in {@link RecordParser}; the header rules are
 * in {@link CsvHeader}, and what counts as a number in {@link NumberCell}: finite decimals, and
 * {@code true}/{@code false} as 1/0. Every problem is a {@link CsvFormatException} that names the
 * file, line and column.
 *
 * <p>The data rows can be read once, either one at a time ({@link #select}, memory bounded by one
 * row) or all at once ({@link #readAll}).
 */
public final class CsvReader implements Closeable {
  private final RecordParser parser;
  private final CsvHeader header;
  private boolean rowsTaken;

  private CsvReader(RecordParser parser) throws IOException {
    this.parser = parser;
    try {
      if (!parser.next()) {
        throw new CsvFormatException(parser.source(), 0, 0, null,
            "file is empty; expected a header row with the column names");
      }
      List<String> names = new ArrayList<>(parser.fieldCount());
      for (int i = 0; i < parser.fieldCount(); i++) {
        names.add(parser.field(i).strip());
      }
      this.header = new CsvHeader(parser.source(), parser.recordLine(), names);
    } catch (RuntimeException | IOException e) {
      parser.close();
      throw e;
    }
  }

  /**
   * Opens a file and reads its header. The file's display name in messages is {@code path} as
   * given.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such file
   * @throws FileSystemException if {@code path} is a directory
   * @throws CsvFormatException if the file is empty or the header is malformed
   */
  public static CsvReader open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new FileSystemException(path.toString(), null, "is a directory, not a CSV file");
    }
    Reader reader = new Utf8Reader(Files.newInputStream(path));
    return new CsvReader(new RecordParser(reader, path.toString()));
  }

  /**
   * Reads CSV text from {@code reader}, which this reader closes, and reads its header.
   *
   * @param source the name to use for the text in messages
   * @throws CsvFormatException if the text is empty or the header is malformed
   */
  public static CsvReader of(Reader reader, String source) throws IOException {
    return new CsvReader(new RecordParser(reader, source));
  }

  /** The display name used in messages. */
  public String source() {
    return parser.source();
  }

  public CsvHeader header() {
    return header;
  }

  /**
   * A cursor over the data rows yielding {@code columns} in the order given.
   *
   * @throws MissingColumnException if a column is not in the header
   * @throws IllegalStateException if the rows were already taken
   */
  public NumericRows select(List<String> columns) {
    return select(columns, "requested");
  }

  /**
   * Like {@link #select(List)}, with {@code reason} completing the message for a missing column:
   * "column 'x' is {reason} but missing from data.csv", for example "required by the model".
   */
  public NumericRows select(List<String> columns, String reason) {
    int[] positions = header.require(columns, reason);
    if (rowsTaken) {
      throw new IllegalStateException("the rows of " + source() + " were already read");
    }
    rowsTaken = true;
    return new NumericRows(parser, header, columns, positions);
  }

  /**
   * Reads all data rows of {@code columns} into memory.
   *
   * @throws CsvFormatException if there is no data row, or as {@link NumericRows#next()}
   * @throws MissingColumnException if a column is not in the header
   */
  public NumericTable readAll(List<String> columns, String reason) throws IOException {
    NumericRows cursor = select(columns, reason);
    List<double[]> rows = new ArrayList<>();
    long[] lines = new long[1024];
    while (cursor.next()) {
      if (rows.size() == lines.length) {
        lines = Arrays.copyOf(lines, lines.length * 2);
      }
      lines[rows.size()] = cursor.line();
      rows.add(cursor.values().clone());
    }
    if (rows.isEmpty()) {
      throw new CsvFormatException(source(), header.line() + 1, 0, null,
          "no data rows after the header; at least one is needed");
    }
    return new NumericTable(source(), columns, cursor.positions(), rows.toArray(double[][]::new),
        Arrays.copyOf(lines, rows.size()));
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
