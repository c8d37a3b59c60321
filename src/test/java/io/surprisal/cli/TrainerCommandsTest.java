package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The trainer's commands fail with one line and the right exit code before they touch Kafka. */
class TrainerCommandsTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void modelsList_withoutRegistryUrl_exitsOneNamingTheSetting() {
    assertThat(run("models", "list", "--set", "bootstrap.servers=localhost:1")).isEqualTo(1);

    assertThat(err()).startsWith("error: missing required setting 'schema.registry.url'").endsWith("--set\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void train_withoutInputTopic_exitsOneNamingTheSetting() {
    assertThat(run("train", "--set", "bootstrap.servers=localhost:1", "--set", "schema.registry.url=http://localhost:1"))
        .isEqualTo(1);

    assertThat(err()).startsWith("error: missing required setting 'input.topic'");
  }

  @Test
  void train_badWindowMode_exitsOneQuotingTheValue() {
    assertThat(run("train", "--set", "bootstrap.servers=localhost:1", "--set", "schema.registry.url=http://localhost:1",
        "--set", "input.topic=t", "--set", "window.mode=tumbling")).isEqualTo(1);

    assertThat(err()).contains("'window.mode'").contains("tumbling").contains("sliding or reservoir");
  }

  @Test
  void generate_negativeRate_exitsTwo() {
    assertThat(run("generate", "--topic", "t", "--rate", "-1")).isEqualTo(2);

    assertThat(err()).contains("--rate must be >= 0, got -1.0");
  }

  @Test
  void modelsRollback_withoutTo_exitsTwo() {
    assertThat(run("models", "rollback")).isEqualTo(2);

    assertThat(err()).contains("Missing required option: '--to=N'");
  }
}
