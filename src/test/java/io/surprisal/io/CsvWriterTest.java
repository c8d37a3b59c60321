package io.surprisal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

  @Test
  void cells_writeHeaderAndRowsWithLf() throws IOException {
    StringWriter text = new StringWriter();
    try (CsvWriter out = CsvWriter.to(text, List.of("log_likelihood", "p_value", "alert"))) {
      out.cell(-3.25).cell(0.5).cell(false).endRow();
      out.cell(-12.0).cell(1.0E-5).cell(true).endRow();
    }
    assertThat(text.toString()).isEqualTo(
        "log_likelihood,p_value,alert\n-3.25,0.5,false\n-12.0,1.0E-5,true\n");
  }

  @Test
  void cell_quotesTextOnlyWhenNeeded() throws IOException {
    StringWriter text = new StringWriter();
    try (CsvWriter out = CsvWriter.to(text, List.of("a,b", "plain"))) {
      out.cell("say \"hi\"").cell("x").endRow();
      out.cell("two\nlines").cell(" padded").endRow();
    }
    assertThat(text.toString()).isEqualTo(
        "\"a,b\",plain\n\"say \"\"hi\"\"\",x\n\"two\nlines\",\" padded\"\n");
  }

  @Test
  void writeRow_roundTripsEveryDoubleExactlyThroughCsvReader(@TempDir Path dir)
      throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    double[][] written = new double[1000][];
    for (int i = 0; i < written.length; i++) {
      double bits = Double.longBitsToDouble(random.nextLong());
      written[i] = new double[] {
          Double.isFinite(bits) ? bits : 0.1, random.nextGaussian(), i * 1e-300, -i * 1e300};
    }
    Path file = dir.resolve("sample.csv");
    try (CsvWriter out = CsvWriter.create(file, List.of("x1", "x2", "x3", "x4"))) {
      for (double[] row : written) {
        out.writeRow(row);
      }
    }
    try (CsvReader in = CsvReader.open(file)) {
      double[][] read = in.readAll(List.of("x1", "x2", "x3", "x4"), "written").rows();
      assertThat(read).isDeepEqualTo(written);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("x1,x2,x3,x4\n");
  }

  @Test
  void textWrittenByTheWriter_readsBackAsTheSameHeader() throws IOException {
    StringWriter text = new StringWriter();
    List<String> header = List.of("a,b", "q\"uote", "new\nline");
    try (CsvWriter out = CsvWriter.to(text, header)) {
      out.writeRow(1, 2, 3);
    }
    try (CsvReader in = CsvReader.of(new StringReader(text.toString()), "t.csv")) {
      assertThat(in.header().names()).isEqualTo(header);
    }
  }

  @Test
  void endRow_withTooFewCells_isRefused() throws IOException {
    CsvWriter out = CsvWriter.to(new StringWriter(), List.of("a", "b"));
    out.cell(1.0);
    assertThatThrownBy(out::endRow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("row has 1 cells but the header has 2 columns");
  }

  @Test
  void cell_pastTheHeaderWidth_isRefused() throws IOException {
    CsvWriter out = CsvWriter.to(new StringWriter(), List.of("a"));
    out.cell(1.0);
    assertThatThrownBy(() -> out.cell(2.0)).isInstanceOf(IllegalStateException.class);
  }
}
