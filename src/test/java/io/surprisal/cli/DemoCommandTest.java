package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code surprisal demo} refuses bad options with exit 2 before starting anything. */
class DemoCommandTest {
  @Test
  void demo_zeroRate_exitsTwoNamingTheValue() {
    CliRunner.Result result = CliRunner.run("demo", "--rate", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: Invalid option value: rate must be above 0").contains("got 0.0");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void demo_windowSmallerThanModelEvents_exitsTwoNamingBoth() {
    CliRunner.Result result = CliRunner.run("demo", "--model-events", "5000", "--window", "1000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("1000").contains("5000");
  }

  @Test
  void demo_durationWithoutUnit_exitsTwo() {
    CliRunner.Result result = CliRunner.run("demo", "--duration", "90");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'90' is not");
  }

  @Test
  void demo_zeroDuration_exitsTwo() {
    CliRunner.Result result = CliRunner.run("demo", "--duration", "0s");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--duration").contains("must be positive");
  }

  @Test
  void help_listsTheDemo() {
    CliRunner.Result result = CliRunner.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("demo");
  }
}
