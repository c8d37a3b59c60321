package io.surprisal.cli;

import io.surprisal.io.CsvFormatException;
import io.surprisal.io.CsvHeader;
import io.surprisal.io.CsvReader;
import io.surprisal.io.NumericTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The training data of {@code fit} and {@code evaluate}: every column of a CSV file that is not
 * excluded is a feature, read into memory as row-major values; optionally a 0/1 label column.
 */
final class FeatureTable {
  private final String source;
  private final List<String> features;
  private final double[] values;
  private final int rows;
  private final boolean[] anomalous;

  private FeatureTable(String source, List<String> features, double[] values, int rows, boolean[] anomalous) {
    this.source = source;
    this.features = features;
    this.values = values;
    this.rows = rows;
    this.anomalous = anomalous;
  }

  /**
   * Reads the features of {@code input}: all columns but {@code exclude} and the label.
   *
   * @param label the label column (1 = anomaly, 0 = normal; also true/false), or null for none
   * @throws io.surprisal.io.MissingColumnException if an excluded column or the label is not in the file
   * @throws CsvFormatException if no feature is left, or as {@link NumericTable}; for a label that
   *     is neither 0 nor 1, at its line and column
   */
  static FeatureTable read(Path input, List<String> exclude, String label) throws IOException {
    try (CsvReader csv = CsvReader.open(input)) {
      CsvHeader header = csv.header();
      Set<String> excluded = new LinkedHashSet<>(exclude);
      if (label != null) {
        header.require(List.of(label), "the label column");
        excluded.add(label);
      }
      List<String> features = header.except(excluded);
      if (features.isEmpty()) {
        throw new CsvFormatException(csv.source(), header.line(), 0, null,
            "no feature columns are left: every column is excluded or the label");
      }
      List<String> columns = new ArrayList<>(features);
      if (label != null) {
        columns.add(label);
      }
      NumericTable table = csv.readAll(columns, "needed");
      int n = table.rowCount();
      int d = features.size();
      double[] values = new double[n * d];
      for (int i = 0; i < n; i++) {
        System.arraycopy(table.rows()[i], 0, values, i * d, d);
      }
      return new FeatureTable(csv.source(), List.copyOf(features), values, n,
          label == null ? null : labels(table, label));
    }
  }

  private static boolean[] labels(NumericTable table, String label) {
    double[] raw = table.column(label);
    boolean[] out = new boolean[raw.length];
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != 0 && raw[i] != 1) {
        throw table.errorAt(i, label, "label must be 0 (normal) or 1 (anomaly), got " + raw[i]);
      }
      out[i] = raw[i] == 1;
    }
    return out;
  }

  /** The file's display name. */
  String source() {
    return source;
  }

  List<String> features() {
    return features;
  }

  int rows() {
    return rows;
  }

  /** All rows, row-major ({@code rows() x features().size()}); the table's own array. */
  double[] values() {
    return values;
  }

  /** The chosen rows, row-major, in the order given (a row may repeat). */
  double[] values(int[] index) {
    int d = features.size();
    double[] out = new double[index.length * d];
    for (int i = 0; i < index.length; i++) {
      System.arraycopy(values, index[i] * d, out, i * d, d);
    }
    return out;
  }

  /** The chosen rows, one array each (copies), in the order given (a row may repeat). */
  double[][] rowArrays(int[] index) {
    double[][] out = new double[index.length][];
    for (int i = 0; i < index.length; i++) {
      out[i] = row(index[i]);
    }
    return out;
  }

  /** One row's features (a copy). */
  double[] row(int i) {
    int d = features.size();
    double[] out = new double[d];
    System.arraycopy(values, i * d, out, 0, d);
    return out;
  }

  /** The labels, true for an anomaly; null when the table was read without a label column. */
  boolean[] anomalous() {
    return anomalous;
  }
}
