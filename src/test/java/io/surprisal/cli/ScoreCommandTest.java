package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.cli.CliRunner.Result;
import io.surprisal.model.codec.ModelCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  @TempDir Path dir;
  private Path model;
  private Path output;

  @BeforeEach
  void saveModel() throws IOException {
    model = dir.resolve("m.model");
    ModelCodec.write(TestData.model(), model);
    output = dir.resolve("scores.csv");
  }

  /** 40 normal rows with an outlier at rows 10 and 25. */
  private Path input() throws IOException {
    SplittableRandom r = new SplittableRandom(9);
    double[][] rows = new double[40][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i == 10 || i == 25 ? TestData.outlier(r) : TestData.normalRow(r);
    }
    return TestData.write(dir.resolve("in.csv"), "x,y,z", rows);
  }

  private List<String[]> cells(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",", -1)).toList();
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }

  @Test
  void score_featureColumnMissing_exitsOneNamingItAndWritesNothing() throws IOException {
    Path csv = Files.writeString(dir.resolve("in.csv"), "x,y,extra\n1,2,3\n");
    Result r = CliRunner.run("score", "--model", model, "--input", csv, "--output", output);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: column 'z' is required by the model " + model + " but missing from "
        + csv + "; it has: x, y, extra\n");
    assertThat(files()).containsExactly(csv, model);
  }

  @Test
  void score_badCellLateInTheFile_exitsOneAtItsLineAndColumnAndKeepsTheOldOutput() throws IOException {
    String rows = String.join("", java.util.Collections.nCopies(40, "0.1,0.2,5\n"));
    Path csv = Files.writeString(dir.resolve("in.csv"), "x,y,z\n" + rows + "0.1,zz,5\n");
    Files.writeString(output, "old scores\n");
    Result r = CliRunner.run("score", "--model", model, "--input", csv, "--output", output);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + csv + ":42:2 (column 'y'): not a number: \"zz\"\n");
    assertThat(output).hasContent("old scores");
    assertThat(files()).containsExactly(csv, model, output);
  }

  @Test
  void score_damagedModel_exitsOneWithOneLine() throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length - 100] ^= 4;
    Files.write(model, bytes);
    Result r = CliRunner.run("score", "--model", model, "--input", input(), "--output", output);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: " + model + ": checksum mismatch: ").endsWith("the file is damaged\n")
        .doesNotContain("\tat ");
    assertThat(output).doesNotExist();
  }

  @Test
  void score_csvGivenAsModel_exitsOneSayingItIsNotAModel() throws IOException {
    Path csv = input();
    Result r = CliRunner.run("score", "--model", csv, "--input", csv, "--output", output);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + csv + ": not a surprisal model (bad magic: it starts with 782c792c"
        + " (\"x,y,\"), a model starts with \"SRPL\")\n");
  }

  @Test
  void score_missingModel_exitsOneFileNotFound() throws IOException {
    Path missing = dir.resolve("nope.model");
    Result r = CliRunner.run("score", "--model", missing, "--input", input(), "--output", output);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: file not found: " + missing + "\n");
  }

  @Test
  void score_explain_namesTheFeaturesWhoseRepairGainsMostOnAlertingRowsOnly() throws IOException {
    Result r = CliRunner.run("score", "--model", model, "--input", input(), "--output", output, "--explain", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllLines(output).get(0)).isEqualTo("log_likelihood,p_value,alert,top_features");
    List<String[]> rows = cells(output);
    assertThat(rows).hasSize(40);
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      if (row[2].equals("true")) {
        assertThat(row[3]).as("row %d", i).matches("[xyz]:\\d+\\.\\d{3};[xyz]:\\d+\\.\\d{3}"); // gains >= 0
      } else {
        assertThat(row[3]).as("row %d", i).isEmpty();
      }
    }
    // the outliers break the x-y relation: repairing x or y, not z, explains them
    assertThat(rows.get(10)[2]).isEqualTo("true");
    assertThat(rows.get(10)[3]).matches("[xy]:.*");
    assertThat(rows.get(25)[3]).matches("[xy]:.*");
  }

  @Test
  void score_alpha_overridesTheModelsLevelButNotThePValues() throws IOException {
    Path csv = input();
    Path loose = dir.resolve("loose.csv");
    assertThat(CliRunner.run("score", "--model", model, "--input", csv, "--output", output).exitCode()).isZero();
    Result r = CliRunner.run("score", "--model", model, "--input", csv, "--output", loose, "--alpha", "0.5");
    assertThat(r.exitCode()).isZero();
    List<String[]> strict = cells(output);
    List<String[]> relaxed = cells(loose);
    long strictAlerts = strict.stream().filter(c -> c[2].equals("true")).count();
    long relaxedAlerts = relaxed.stream().filter(c -> c[2].equals("true")).count();
    assertThat(relaxedAlerts).isGreaterThan(strictAlerts);
    for (int i = 0; i < strict.size(); i++) {
      assertThat(Arrays.copyOf(relaxed.get(i), 2)).isEqualTo(Arrays.copyOf(strict.get(i), 2));
      assertThat(relaxed.get(i)[2]).isEqualTo(String.valueOf(Double.parseDouble(relaxed.get(i)[1]) <= 0.5));
    }
    assertThat(r.out()).contains(relaxedAlerts + " alerts at alpha 0.5;");
  }

  @Test
  void score_alphaOutOfRange_exitsTwo() throws IOException {
    Result r = CliRunner.run("score", "--model", model, "--input", input(), "--output", output, "--alpha", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: Invalid value for option '--alpha': 0.0 (alpha must be in (0, 1))\n");
    assertThat(output).doesNotExist();
  }

  @Test
  void score_alphaBelowTheSmallestPValue_warns() throws IOException {
    Result r = CliRunner.run("score", "--model", model, "--input", input(), "--output", output, "--alpha", "0.001");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).startsWith("warning: with 40 calibration rows conformal p-values stop at 0.0244,"
        + " above alpha 0.001: alerts rest on the tail fitted to the top calibration scores");
    assertThat(cells(output)).allSatisfy(c -> assertThat(c[2]).isEqualTo(
        String.valueOf(Double.parseDouble(c[1]) <= 0.001)));
  }
}
