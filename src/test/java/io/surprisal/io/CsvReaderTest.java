package io.surprisal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  private static CsvReader csv(String text) throws IOException {
    return CsvReader.of(new StringReader(text), "data.csv");
  }

  private static List<double[]> rows(String text, String... columns) throws IOException {
    try (CsvReader reader = csv(text)) {
      NumericRows rows = reader.select(List.of(columns));
      List<double[]> out = new ArrayList<>();
      while (rows.next()) {
        out.add(rows.values().clone());
      }
      return out;
    }
  }

  @Test
  void header_namesAreStrippedAndInFileOrder() throws IOException {
    try (CsvReader reader = csv("a, b ,\"c,d\"\n1,2,3\n")) {
      assertThat(reader.header().names()).containsExactly("a", "b", "c,d");
    }
  }

  @Test
  void select_yieldsColumnsInRequestedOrder() throws IOException {
    assertThat(rows("a,b,c\n1,2,3\n4,5,6\n", "c", "a"))
        .containsExactly(new double[] {3, 1}, new double[] {6, 4});
  }

  @Test
  void select_ignoresUnselectedTextColumns() throws IOException {
    assertThat(rows("id,x\nuser-7,0.5\n", "x")).containsExactly(new double[] {0.5});
  }

  @Test
  void select_reusesOneBufferAndReportsLines() throws IOException {
    try (CsvReader reader = csv("x\n1\n\n\"2\"\n")) {
      NumericRows rows = reader.select(List.of("x"));
      assertThat(rows.next()).isTrue();
      double[] first = rows.values();
      assertThat(rows.line()).isEqualTo(2);
      assertThat(rows.next()).isTrue();
      assertThat(rows.values()).isSameAs(first).containsExactly(2.0);
      assertThat(rows.line()).isEqualTo(4);
      assertThat(rows.next()).isFalse();
      assertThat(rows.rowsRead()).isEqualTo(2);
    }
  }

  @Test
  void select_booleansReadAsOneAndZero() throws IOException {
    assertThat(rows("label\ntrue\nfalse\n", "label"))
        .containsExactly(new double[] {1}, new double[] {0});
  }

  @Test
  void select_headerOnly_hasNoRows() throws IOException {
    assertThat(rows("a,b\n", "a")).isEmpty();
  }

  @Test
  void select_twice_isRefused() throws IOException {
    try (CsvReader reader = csv("a\n1\n")) {
      reader.select(List.of("a"));
      assertThatThrownBy(() -> reader.select(List.of("a")))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void select_missingColumns_namesThemAndTheHeader() throws IOException {
    try (CsvReader reader = csv("a,b,c\n1,2,3\n")) {
      assertThatThrownBy(() -> reader.select(List.of("a", "foo"), "required by the model"))
          .isInstanceOf(MissingColumnException.class)
          .hasMessage("column 'foo' is required by the model but missing from data.csv;"
              + " it has: a, b, c");
      assertThatThrownBy(() -> reader.select(List.of("x", "y")))
          .isInstanceOf(MissingColumnException.class)
          .hasMessage("columns 'x', 'y' are requested but missing from data.csv; it has: a, b, c");
    }
  }

  @Test
  void open_emptyFile_saysSo() {
    assertThatThrownBy(() -> csv(""))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv: file is empty; expected a header row with the column names");
  }

  @Test
  void open_duplicateHeaderName_isAnError() {
    assertThatThrownBy(() -> csv("a,b,a\n1,2,3\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv:1:3 (column 'a'): duplicate column name in the header;"
            + " column 1 has it too");
  }

  @Test
  void next_nonNumericCell_namesFileLineAndColumn() {
    assertThatThrownBy(() -> rows("x1,x2\n1,2\n3,abc\n", "x1", "x2"))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isEqualTo(2);
          assertThat(e.columnName()).hasValue("x2");
        })
        .hasMessage("data.csv:3:2 (column 'x2'): not a number: \"abc\"");
  }

  @Test
  void next_missingCell_isAnError() {
    assertThatThrownBy(() -> rows("a,b\n1,\n", "a", "b"))
        .hasMessage("data.csv:2:2 (column 'b'): missing value (empty cell)");
  }

  @Test
  void next_nonFiniteCells_areErrors() {
    assertThatThrownBy(() -> rows("a\nNaN\n", "a"))
        .hasMessage("data.csv:2:1 (column 'a'): not a finite number: \"NaN\"");
    assertThatThrownBy(() -> rows("a\n1e999\n", "a"))
        .hasMessage("data.csv:2:1 (column 'a'): number too large for a double: \"1e999\"");
  }

  @Test
  void next_tooFewCells_namesTheFirstMissingColumn() {
    assertThatThrownBy(() -> rows("a,b,c\n1,2,3\n4,5\n", "a"))
        .hasMessage("data.csv:3:3 (column 'c'): row has 2 cells but the header has 3 columns");
  }

  @Test
  void next_tooManyCells_namesTheFirstExtraColumn() {
    assertThatThrownBy(() -> rows("a,b\n1,2,3\n", "a"))
        .hasMessage("data.csv:2:3: row has 3 cells but the header has 2 columns");
  }

  @Test
  void next_errorInsideMultiLineRecord_reportsTheCellsLine() {
    assertThatThrownBy(() -> rows("note,x\n\"two\nlines\",oops\n", "x"))
        .hasMessage("data.csv:3:2 (column 'x'): not a number: \"oops\"");
  }

  @Test
  void readAll_loadsRowsAndTheirLines() throws IOException {
    try (CsvReader reader = csv("a,b,label\n1,2,0\n\n3,4,1\n")) {
      NumericTable table = reader.readAll(List.of("b", "label"), "needed");
      assertThat(table.rows()).isDeepEqualTo(new double[][] {{2, 0}, {4, 1}});
      assertThat(table.column("label")).containsExactly(0, 1);
      assertThat(table.line(1)).isEqualTo(4);
      assertThat(table.errorAt(1, "label", "label must be 0 or 1"))
          .hasMessage("data.csv:4:3 (column 'label'): label must be 0 or 1");
    }
  }

  @Test
  void readAll_headerOnly_saysDataIsNeeded() throws IOException {
    try (CsvReader reader = csv("a,b\n")) {
      assertThatThrownBy(() -> reader.readAll(List.of("a"), "needed"))
          .isInstanceOf(CsvFormatException.class)
          .hasMessage("data.csv:2: no data rows after the header; at least one is needed");
    }
  }

  @Test
  void except_keepsEveryOtherColumnInFileOrder() throws IOException {
    try (CsvReader reader = csv("x1,label,x2,id\n")) {
      assertThat(reader.header().except(Set.of("label", "id"))).containsExactly("x1", "x2");
    }
  }

  @Test
  void except_unknownColumn_isAnError() throws IOException {
    try (CsvReader reader = csv("x1,label\n")) {
      assertThatThrownBy(() -> reader.header().except(Set.of("lable")))
          .isInstanceOf(MissingColumnException.class)
          .hasMessage("column 'lable' is excluded but missing from data.csv; it has: x1, label");
    }
  }

  @Test
  void except_unnamedColumnThatWouldBeKept_isAnError() throws IOException {
    try (CsvReader reader = csv(",x1\n0,1.5\n")) {
      assertThatThrownBy(() -> reader.header().except(Set.of()))
          .hasMessageStartingWith("data.csv:1:1: column has no name in the header");
    }
  }

  @Test
  void open_missingFile_throwsNoSuchFile(@TempDir Path dir) {
    assertThatThrownBy(() -> CsvReader.open(dir.resolve("nope.csv")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void open_usesThePathAsGivenInMessagesAndToleratesBom(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("in.csv");
    Files.writeString(file, "\uFEFFa\r\n1\r\nx\r\n", StandardCharsets.UTF_8);
    try (CsvReader reader = CsvReader.open(file)) {
      NumericRows rows = reader.select(List.of("a"));
      assertThat(rows.next()).isTrue();
      assertThat(rows.values()).containsExactly(1.0);
      assertThatThrownBy(rows::next).hasMessage(file + ":3:1 (column 'a'): not a number: \"x\"");
    }
  }

  @Test
  void next_invalidUtf8_isAFormatErrorWithItsLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "a\n1\n\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    try (CsvReader reader = CsvReader.open(file)) {
      NumericRows rows = reader.select(List.of("a"));
      assertThat(rows.next()).isTrue();
      assertThatThrownBy(rows::next)
          .isInstanceOf(CsvFormatException.class)
          .hasMessage(file + ":3: not valid UTF-8 text");
    }
  }

  /**
   * Streaming, proven structurally: the input never ends, so a reader that loaded it whole (or
   * looked for its end before yielding rows) would never return or would run out of memory.
   */
  @Test
  void select_streamsFromAnEndlessReader() throws IOException {
    try (CsvReader reader = CsvReader.of(new EndlessCsv(), "endless.csv")) {
      NumericRows rows = reader.select(List.of("i", "half"));
      long n = 0;
      while (n < 1_000_000 && rows.next()) {
        n++;
        assertThat(rows.values()[1]).isEqualTo(rows.values()[0] / 2);
      }
      assertThat(n).isEqualTo(1_000_000);
      assertThat(rows.line()).isEqualTo(1_000_001);
    }
  }

  /** "i,half,note" then rows {@code i, i/2, "text"} for i = 1, 2, ... without end. */
  private static final class EndlessCsv extends java.io.Reader {
    private String pending = "i,half,note\n";
    private int offset;
    private long next = 1;

    @Override
    public int read(char[] buffer, int off, int len) {
      if (offset == pending.length()) {
        pending = next + "," + (next / 2.0) + ",\"row, " + next + "\"\n";
        offset = 0;
        next++;
      }
      int n = Math.min(len, pending.length() - offset);
      pending.getChars(offset, offset + n, buffer, off);
      offset += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
