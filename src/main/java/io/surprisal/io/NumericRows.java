package io.surprisal.io;

import java.io.IOException;
import java.util.List;

/**
 * A forward-only cursor over the data rows of a CSV file that yields chosen columns as numbers.
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(path)) {
 *   NumericRows rows = csv.select(features, "required by the model");
 *   while (rows.next()) {
 *     double[] x = rows.values();   // the same array every row: copy it to keep it
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Every row is checked in full, including columns that were not selected: it must have as many
 * cells as the header, and each selected cell must be a finite number (see {@link NumberCell} for
 * what is accepted). Only the current row is held in memory.
 */
public final class NumericRows {
  private final RecordParser parser;
  private final CsvHeader header;
  private final List<String> columns;
  private final int[] positions;
  private final double[] values;
  private long rowsRead;

  NumericRows(RecordParser parser, CsvHeader header, List<String> columns, int[] positions) {
    this.parser = parser;
    this.header = header;
    this.columns = List.copyOf(columns);
    this.positions = positions;
    this.values = new double[positions.length];
  }

  /** The selected column names, in the order of {@link #values()}. */
  public List<String> columns() {
    return columns;
  }

  /**
   * Moves to the next data row.
   *
   * @return false after the last row
   * @throws CsvFormatException if the row is ragged or a selected cell is not a finite number
   */
  public boolean next() throws IOException {
    if (!parser.next()) {
      return false;
    }
    checkWidth();
    for (int i = 0; i < positions.length; i++) {
      int at = positions[i];
      try {
        values[i] = NumberCell.parse(parser.field(at));
      } catch (NumberCell.BadCellException e) {
        throw new CsvFormatException(parser.source(), parser.fieldLine(at), at + 1,
            header.names().get(at), e.getMessage());
      }
    }
    rowsRead++;
    return true;
  }

  private void checkWidth() {
    int cells = parser.fieldCount();
    int width = header.size();
    if (cells == width) {
      return;
    }
    String problem = "row has " + cells + (cells == 1 ? " cell" : " cells")
        + " but the header has " + width + (width == 1 ? " column" : " columns");
    if (cells < width) {
      throw new CsvFormatException(parser.source(), parser.recordLine(), cells + 1,
          header.names().get(cells), problem);
    }
    throw new CsvFormatException(parser.source(), parser.fieldLine(width), width + 1, null,
        problem);
  }

  /**
   * The selected cells of the current row. The array is reused: the next call to {@link #next()}
   * overwrites it.
   */
  public double[] values() {
    return values;
  }

  /** The line on which the current row starts (1-based; the header is line 1). */
  public long line() {
    return parser.recordLine();
  }

  /** The 0-based file positions of the selected columns. */
  int[] positions() {
    return positions.clone();
  }

  /** The number of data rows read so far. */
  public long rowsRead() {
    return rowsRead;
  }
}
