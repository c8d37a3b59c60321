package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.surprisal.model.codec.ModelCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/surprisal} as a user does, on the packaged jar (failsafe runs after package): the
 * launcher starts, the README's commands work on the shipped example, and scoring a large file
 * streams in a small heap.
 */
class LauncherIT {
  private static final Path HOME = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void packaged() {
    assumeTrue(Files.exists(HOME.resolve("target/surprisal.jar")), "needs target/surprisal.jar: run mvn verify");
  }

  private Run launch(Map<String, String> env, Object... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/surprisal").toString()));
    for (Object a : args) {
      command.add(a.toString());
    }
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void help_listsTheCommands() throws Exception {
    Run r = launch(Map.of(), "--help");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: surprisal").contains("fit ", "score ", "evaluate ", "sample ", "inspect ");
  }

  @Test
  void readmeQuickStart_fitsAndScoresTheShippedExample() throws Exception {
    Path model = dir.resolve("telemetry.model");
    Path scores = dir.resolve("scores.csv");
    Run fit = launch(Map.of(), "fit", "--input", "examples/telemetry.csv", "--exclude", "label", "--model-out", model,
        "--alpha", "0.01", "--noise", "0.1", "--epochs", "3", "--hidden", "16");
    assertThat(fit.exitCode()).as(fit.err()).isZero();
    assertThat(fit.out()).startsWith("wrote " + model + ": 6 features, nsf flow");
    Run score = launch(Map.of(), "score", "--model", model, "--input", "examples/telemetry.csv", "--output", scores);
    assertThat(score.exitCode()).as(score.err()).isZero();
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines).hasSize(5001);
    assertThat(lines.get(0)).isEqualTo("log_likelihood,p_value,alert");
  }

  @Test
  void score_largeFile_streamsInASmallHeap() throws Exception {
    // 600,000 rows: held in memory as double[] rows they would need more than the 32 MB heap
    int n = 600_000;
    Path input = dir.resolve("big.csv");
    SplittableRandom r = new SplittableRandom(5);
    try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      w.write("x,y,z\n");
      for (int i = 0; i < n; i++) {
        double[] v = TestData.normalRow(r);
        w.write(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f%n", v[0], v[1], v[2]));
      }
    }
    Path model = dir.resolve("m.model");
    ModelCodec.write(TestData.model(), model);
    Path scores = dir.resolve("scores.csv");
    Run run = launch(Map.of("SURPRISAL_JAVA_OPTS", "-Xmx32m"), "score", "--model", model, "--input", input,
        "--output", scores);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("scored " + n + " rows of " + input);
    try (var lines = Files.lines(scores)) {
      assertThat(lines.count()).isEqualTo(n + 1);
    }
  }
}
