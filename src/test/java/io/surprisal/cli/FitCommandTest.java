package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.cli.CliRunner.Result;
import io.surprisal.model.DensityModel;
import io.surprisal.model.Score;
import io.surprisal.model.codec.ModelCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FitCommandTest {
  @TempDir Path dir;

  private static Result fit(Object... args) {
    List<Object> all = new ArrayList<>(List.of("fit"));
    all.addAll(List.of(args));
    all.addAll(TestData.TINY_MODEL);
    return CliRunner.run(all.toArray());
  }

  @Test
  void fitThenScore_writeOneScoreRowPerInputRowInOrderAndAlertOnPlantedOutliers() throws IOException {
    // 1. fit on normal rows; an id and a label column are excluded
    double[][] train = TestData.normalRows(400, 1);
    Path trainCsv = TestData.write(dir.resolve("train.csv"), "x,y,z,id,label", train, "7,0", "8,0");
    Path model = dir.resolve("m.model");
    Result fit = fit("--input", trainCsv, "--model-out", model, "--exclude", "id,label", "--alpha", "0.05",
        "--seed", "3");
    assertThat(fit.exitCode()).as(fit.err()).isZero();
    assertThat(fit.out()).startsWith("wrote " + model + ": 3 features, nsf flow with 2 layers and ")
        .contains("trained on ").contains("(40 calibration rows)");
    assertThat(fit.err()).contains("epoch 1/20 [").contains("val NLL ").contains("best val NLL ");
    DensityModel saved = ModelCodec.read(model);
    assertThat(saved.features()).containsExactly("x", "y", "z");
    assertThat(saved.alpha()).isEqualTo(0.05);
    assertThat(saved.spec().layers()).isEqualTo(2);
    assertThat(saved.spec().hidden()).isEqualTo(16);
    assertThat(saved.training().seed()).isEqualTo(3);
    assertThat(saved.training().rows()).isEqualTo(400);

    // 2. score rows with the columns in another order, a text column, and three planted outliers
    SplittableRandom r = new SplittableRandom(2);
    double[][] test = new double[60][];
    List<Integer> planted = List.of(5, 31, 58);
    for (int i = 0; i < test.length; i++) {
      double[] xyz = planted.contains(i) ? TestData.outlier(r) : TestData.normalRow(r);
      test[i] = new double[] {xyz[2], xyz[0], xyz[1]};
    }
    Path testCsv = TestData.write(dir.resolve("test.csv"), "z,x,y,note", test, "ok", "\"a, quoted note\"");
    Path scores = dir.resolve("scores.csv");
    Result score = CliRunner.run("score", "--model", model, "--input", testCsv, "--output", scores);
    assertThat(score.exitCode()).as(score.err()).isZero();

    // 3. verify: header, one row per input row in input order, alerts on the planted rows
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines).hasSize(61);
    assertThat(lines.get(0)).isEqualTo("log_likelihood,p_value,alert");
    int falseAlarms = 0;
    for (int i = 0; i < test.length; i++) {
      double[] x = {Double.parseDouble(TestData.format(test[i][1])), Double.parseDouble(TestData.format(test[i][2])),
          Double.parseDouble(TestData.format(test[i][0]))};
      Score expected = saved.score(x);
      assertThat(lines.get(i + 1)).as("row %d", i)
          .isEqualTo(expected.logLikelihood() + "," + expected.pValue() + "," + expected.alert());
      if (planted.contains(i)) {
        assertThat(expected.alert()).as("planted outlier in row %d", i).isTrue();
      } else if (expected.alert()) {
        falseAlarms++;
      }
    }
    assertThat(falseAlarms).isLessThan(8);
    assertThat(score.out()).isEqualTo("scored 60 rows of " + testCsv + ": " + (falseAlarms + 3)
        + " alerts at alpha 0.05; wrote " + scores + "\n");
  }

  @Test
  void fit_alphaBelowTheConformalRange_warnsThatAlertsRestOnTheTail() throws IOException {
    Path csv = TestData.write(dir.resolve("train.csv"), "x,y,z", TestData.normalRows(200, 4));
    Result fit = fit("--input", csv, "--model-out", dir.resolve("m.model"), "--alpha", "0.01");
    assertThat(fit.exitCode()).isZero();
    assertThat(fit.err()).contains("warning: with 20 calibration rows conformal p-values stop at 0.0476,"
        + " above alpha 0.01: alerts rest on the tail fitted to the top calibration scores");
  }

  static Stream<Arguments> invalidOptions() {
    return Stream.of(
        Arguments.of(List.of("--layers", "0"), "Invalid value for option '--layers': 0 (layers must be in [1, 64], got 0)"),
        Arguments.of(List.of("--alpha", "1.5"), "Invalid value for option '--alpha': 1.5 (alpha must be in (0, 1))"),
        Arguments.of(List.of("--flow", "glow"), "Invalid value for option '--flow': glow (unknown flow preset 'glow';"
            + " choose one of [nsf, maf, realnvp])"),
        Arguments.of(List.of("--trim", "0.7"), "Invalid value for option '--trim': 0.7 (trim fraction must be in"
            + " [0, 0.5), got 0.7)"),
        Arguments.of(List.of("--time-budget", "soon"), "Invalid value for option '--time-budget': 'soon' is not a"
            + " duration like 30s or 5m"),
        Arguments.of(List.of("--flow", "maf", "--bins", "4"), "--bins applies to spline flows only; --flow maf uses"
            + " affine transforms"),
        Arguments.of(List.of("--log-transform", "sometimes"), "Invalid value for option '--log-transform'"));
  }

  @ParameterizedTest
  @MethodSource("invalidOptions")
  void fit_invalidOptionValue_exitsTwoNamingItAndWritesNoModel(List<String> options, String message)
      throws IOException {
    Path csv = TestData.write(dir.resolve("train.csv"), "x,y,z", TestData.normalRows(50, 5));
    Path model = dir.resolve("m.model");
    List<Object> args = new ArrayList<>(List.of("fit", "--input", csv, "--model-out", model));
    args.addAll(options);
    Result fit = CliRunner.run(args.toArray());
    assertThat(fit.exitCode()).isEqualTo(2);
    assertThat(fit.err()).startsWith("error: " + message).endsWith("Try 'surprisal fit --help' for usage.\n");
    assertThat(model).doesNotExist();
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("not a number", "x,y,z\n1,2,3\n4,abc,6\n", ":3:2 (column 'y'): not a number: \"abc\""),
        Arguments.of("empty cell", "x,y,z\n1,2,3\n4,,6\n", ":3:2 (column 'y'): missing value (empty cell)"),
        Arguments.of("NaN", "x,y,z\n1,2,3\n4,5,NaN\n", ":3:3 (column 'z'): not a finite number: \"NaN\""),
        Arguments.of("infinity", "x,y,z\n1,2,3\n-Infinity,5,6\n", ":3:1 (column 'x'): not a finite number:"
            + " \"-Infinity\""),
        Arguments.of("ragged row", "x,y,z\n1,2,3\n4,5\n", ":3:3 (column 'z'): row has 2 cells but the header has"
            + " 3 columns"),
        Arguments.of("empty file", "", ": file is empty; expected a header row with the column names"),
        Arguments.of("header only", "x,y,z\n", ":2: no data rows after the header; at least one is needed"),
        Arguments.of("too few rows", "x,y,z\n1,2,3\n4,5,6\n", " has 2 data rows; fit needs at least 10"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void fit_badInput_exitsOneWithOneLineNamingFileLineAndColumn(String name, String content, String problem)
      throws IOException {
    Path csv = Files.writeString(dir.resolve("bad.csv"), content);
    Path model = dir.resolve("m.model");
    Result fit = fit("--input", csv, "--model-out", model);
    assertThat(fit.exitCode()).isEqualTo(1);
    assertThat(fit.err()).isEqualTo("error: " + csv + problem + "\n");
    assertThat(model).doesNotExist();
  }

  @Test
  void fit_excludedColumnNotInFile_exitsOneNamingIt() throws IOException {
    Path csv = TestData.write(dir.resolve("train.csv"), "x,y,z", TestData.normalRows(20, 6));
    Result fit = fit("--input", csv, "--model-out", dir.resolve("m.model"), "--exclude", "lable");
    assertThat(fit.exitCode()).isEqualTo(1);
    assertThat(fit.err()).isEqualTo("error: column 'lable' is excluded but missing from " + csv + "; it has: x, y, z\n");
  }

  @Test
  void fit_everyFeatureConstant_exitsOne() throws IOException {
    Path csv = Files.writeString(dir.resolve("flat.csv"), "x,y\n" + "1,2\n".repeat(30));
    Result fit = fit("--input", csv, "--model-out", dir.resolve("m.model"));
    assertThat(fit.exitCode()).isEqualTo(1);
    assertThat(fit.err()).isEqualTo(
        "error: every feature is constant in the training data [x, y]; nothing to learn\n");
  }

  @Test
  void fit_missingOutputDirectory_exitsOneNamingIt() throws IOException {
    Path csv = TestData.write(dir.resolve("train.csv"), "x,y,z", TestData.normalRows(30, 7));
    Path model = dir.resolve("no/such/m.model");
    Result fit = fit("--input", csv, "--model-out", model);
    assertThat(fit.exitCode()).isEqualTo(1);
    assertThat(fit.err()).isEqualTo("error: file not found: " + model.getParent() + "\n");
  }
}
