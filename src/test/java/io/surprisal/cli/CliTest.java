package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Drives the command line in process through {@link Main#run} with test-only subcommands. */
class CliTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(boolean debug, String... args) {
    CommandLine commandLine = new CommandLine(new Main())
        .addSubcommand(new RowSumCommand())
        .addSubcommand(new BugCommand())
        .addSubcommand(new OutOfMemoryCommand());
    return Main.run(commandLine, args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), debug);
  }

  private int run(String... args) {
    return run(false, args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void run_goodInput_exitsZeroWithOutput() throws IOException {
    Path csv = file("ok.csv", "a,b,c\n1,2,3\n4,5,6\n");
    assertThat(run("row-sum", "--input", csv.toString(), "--columns", "a,c",
        "--protocol", "unsup")).isZero();
    assertThat(out()).isEqualTo("4.0\n10.0\nprotocol UNSUP\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void run_badCell_exitsOneWithFileLineColumnAndNoStackTrace() throws IOException {
    Path csv = file("bad.csv", "a,b\n1,2\n3,abc\n");
    assertThat(run("row-sum", "--input", csv.toString(), "--columns", "a,b")).isEqualTo(1);
    assertThat(err()).isEqualTo(
        "error: " + csv + ":3:2 (column 'b'): not a number: \"abc\"\n");
  }

  @Test
  void run_missingColumn_exitsOneNamingIt() throws IOException {
    Path csv = file("few.csv", "a,b\n1,2\n");
    assertThat(run("row-sum", "--input", csv.toString(), "--columns", "a,x")).isEqualTo(1);
    assertThat(err()).isEqualTo("error: column 'x' is required by row-sum but missing from "
        + csv + "; it has: a, b\n");
  }

  @Test
  void run_missingFile_exitsOneWithFileNotFound() {
    Path missing = dir.resolve("nope.csv");
    assertThat(run("row-sum", "--input", missing.toString(), "--columns", "a")).isEqualTo(1);
    assertThat(err()).isEqualTo("error: file not found: " + missing + "\n");
  }

  @Test
  void run_directoryAsInput_exitsOneNamingIt() {
    assertThat(run("row-sum", "--input", dir.toString(), "--columns", "a")).isEqualTo(1);
    assertThat(err()).isEqualTo("error: " + dir + ": is a directory, not a CSV file\n");
  }

  @Test
  void run_unknownOption_exitsTwoWithPicocliMessageAndHint() throws IOException {
    Path csv = file("ok.csv", "a\n1\n");
    assertThat(run("row-sum", "--input", csv.toString(), "--columns", "a", "--bogus"))
        .isEqualTo(2);
    assertThat(err())
        .startsWith("error: ")
        .contains("Unknown option: '--bogus'")
        .endsWith("Try 'surprisal row-sum --help' for usage.\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void run_badEnumValue_exitsTwo() throws IOException {
    Path csv = file("ok.csv", "a\n1\n");
    assertThat(run("row-sum", "--input", csv.toString(), "--columns", "a",
        "--protocol", "both")).isEqualTo(2);
    assertThat(err()).contains("--protocol").contains("both");
  }

  @Test
  void run_unknownCommand_exitsTwo() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err()).contains("frobnicate").endsWith("Try 'surprisal --help' for usage.\n");
  }

  @Test
  void run_noCommand_exitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).startsWith("error: missing command\n");
  }

  @Test
  void run_bug_exitsSeventyWithOneLineAndNoStackTrace() {
    assertThat(run("bug")).isEqualTo(70);
    assertThat(err()).isEqualTo("internal error: java.lang.IllegalStateException: invariant broken"
        + " (a bug in surprisal; run with --verbose or SURPRISAL_DEBUG=1 to see the stack trace)\n");
  }

  @Test
  void run_outOfMemory_exitsOneWithOneLineSayingHowToGiveMoreHeap() {
    assertThat(run("oom")).isEqualTo(1);
    assertThat(err()).startsWith("error: out of memory (Java heap space); give Java a larger heap with"
        + " SURPRISAL_JAVA_OPTS=-Xmx<size> (now ").endsWith(" MiB), or use less data\n");
  }

  @Test
  void run_bugWithVerbose_printsTheStackTrace() {
    assertThat(run("bug", "--verbose")).isEqualTo(70);
    assertThat(err()).startsWith("internal error: java.lang.IllegalStateException: invariant broken"
        + " (a bug in surprisal)\n").contains("\tat io.surprisal.cli.BugCommand.call");
  }

  @Test
  void run_bugWithDebugVariable_printsTheStackTrace() {
    assertThat(run(true, "bug")).isEqualTo(70);
    assertThat(err()).contains("\tat io.surprisal.cli.BugCommand.call");
  }

  @Test
  void run_version_exitsZeroAndNamesTheProgram() {
    assertThat(run("--version")).isZero();
    assertThat(out()).startsWith("surprisal " + ManifestVersion.UNRELEASED + "\nJava ");
  }

  @Test
  void run_help_listsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("Usage: surprisal").contains("row-sum").contains("--verbose");
  }

  @Test
  void run_publicEntryPoint_usesTheSameHandling() {
    int code = Main.run(new String[] {"--bogus"}, new PrintStream(out, true),
        new PrintStream(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("Unknown option: '--bogus'");
  }
}
