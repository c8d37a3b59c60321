package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.cli.CliRunner.Result;
import io.surprisal.model.codec.ModelCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
  @TempDir Path dir;
  private Path model;

  @BeforeEach
  void saveModel() throws IOException {
    model = dir.resolve("m.model");
    ModelCodec.write(TestData.model(), model);
  }

  private static double[][] read(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().skip(1)
        .map(line -> java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
  }

  @Test
  void sample_writesCountRowsUnderTheFeatureHeaderLikeTheTrainingData() throws IOException {
    Path out = dir.resolve("s.csv");
    int count = SampleCommand.CHUNK + 11; // crosses a chunk boundary
    Result r = CliRunner.run("sample", "--model", model, "--count", count, "--output", out, "--seed", "4");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("wrote " + count + " rows of 3 features to " + out + "\n");
    assertThat(Files.readAllLines(out).get(0)).isEqualTo("x,y,z");
    double[][] rows = read(out);
    assertThat(rows).hasNumberOfRows(count);
    // the training data: x ~ N(0, 1), y = 2x + N(0, 0.09), z ~ N(5, 4)
    double[] mean = new double[3];
    double xy = 0;
    double xx = 0;
    double yy = 0;
    int inRange = 0;
    for (double[] s : rows) {
      for (int j = 0; j < 3; j++) {
        mean[j] += s[j] / count;
      }
      xy += s[0] * s[1];
      xx += s[0] * s[0];
      yy += s[1] * s[1];
      inRange += Math.abs(s[0]) < 4 && Math.abs(s[1]) < 9 && s[2] > -4 && s[2] < 14 ? 1 : 0;
    }
    assertThat(mean[0]).isBetween(-0.3, 0.3);
    assertThat(mean[1]).isBetween(-0.6, 0.6);
    assertThat(mean[2]).isBetween(4.3, 5.7);
    assertThat(xy / Math.sqrt(xx * yy)).as("correlation of x and y").isGreaterThan(0.85);
    assertThat(inRange).isGreaterThan((int) (0.99 * count));
  }

  @Test
  void sample_sameSeedGivesTheSameRowsAndAnotherSeedOthers() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    for (Object[] run : List.of(new Object[] {a, 7}, new Object[] {b, 7}, new Object[] {c, 8})) {
      assertThat(CliRunner.run("sample", "--model", model, "--count", 50, "--output", run[0], "--seed", run[1])
          .exitCode()).isZero();
    }
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).isNotEqualTo(Files.readString(c));
  }

  @Test
  void sample_zeroRows_writesTheHeaderOnly() throws IOException {
    Path out = dir.resolve("s.csv");
    assertThat(CliRunner.run("sample", "--model", model, "--count", 0, "--output", out).exitCode()).isZero();
    assertThat(out).hasContent("x,y,z");
  }

  @Test
  void sample_negativeCount_exitsTwoAndWritesNothing() {
    Path out = dir.resolve("s.csv");
    Result r = CliRunner.run("sample", "--model", model, "--count", -3, "--output", out);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: Invalid value for option '--count': -3 (must be >= 0)\n");
    assertThat(out).doesNotExist();
  }
}
