package io.surprisal.io;

import java.util.List;

/**
 * Chosen columns of all data rows of a CSV file, in memory, with the line each row came from so that
 * later checks (a label that is not 0 or 1) can still say where the bad value is.
 */
public final class NumericTable {
  private final String source;
  private final List<String> columns;
  private final int[] filePositions;
  private final double[][] rows;
  private final long[] lines;

  NumericTable(
      String source, List<String> columns, int[] filePositions, double[][] rows, long[] lines) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.filePositions = filePositions;
    this.rows = rows;
    this.lines = lines;
  }

  public String source() {
    return source;
  }

  /** The column names, in the order of each row's values. */
  public List<String> columns() {
    return columns;
  }

  public int rowCount() {
    return rows.length;
  }

  /** The rows; the arrays are this table's own, not copies. */
  public double[][] rows() {
    return rows;
  }

  /** One column's values, copied. */
  public double[] column(String name) {
    int j = columnIndex(name);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][j];
    }
    return out;
  }

  /** The line of the file on which row {@code row} (0-based) starts. */
  public long line(int row) {
    return lines[row];
  }

  /** An error about the cell of {@code column} in row {@code row}, located in the file. */
  public CsvFormatException errorAt(int row, String column, String problem) {
    return new CsvFormatException(source, lines[row], filePositions[columnIndex(column)] + 1, column,
        problem);
  }

  private int columnIndex(String name) {
    int j = columns.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("no column '" + name + "' in this table; it has " + columns);
    }
    return j;
  }
}
