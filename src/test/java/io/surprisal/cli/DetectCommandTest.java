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

/** {@code surprisal detect} refuses a wrong configuration with exit 1 and one line, before touching Kafka. */
class DetectCommandTest {
  @TempDir Path dir;

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
  void detect_withoutInputTopic_exitsOneNamingTheKeyAndWhereToSetIt() throws IOException {
    Path file = Files.writeString(dir.resolve("detector.properties"), """
        bootstrap.servers=localhost:9092
        schema.registry.url=http://localhost:8081
        alerts.topic=alerts
        models.topic=models
        dlq.topic=dlq
        """);

    assertThat(run("detect", "--config", file.toString())).isEqualTo(1);
    assertThat(err()).startsWith("error: missing required setting 'input.topic': set it in " + file)
        .contains("SURPRISAL_INPUT_TOPIC", "--set input.topic=")
        .hasLineCount(1);
  }

  @Test
  void detect_badGuaranteeSetOnTheCommandLine_exitsOneNamingTheKey() throws IOException {
    Path file = Files.writeString(dir.resolve("detector.properties"), """
        bootstrap.servers=localhost:9092
        schema.registry.url=http://localhost:8081
        input.topic=events
        alerts.topic=alerts
        models.topic=models
        dlq.topic=dlq
        """);

    assertThat(run("detect", "--config", file.toString(), "--set", "processing.guarantee=exactly_once"))
        .isEqualTo(1);
    assertThat(err()).startsWith("error: ").contains("'processing.guarantee'", "exactly_once", "--set")
        .hasLineCount(1);
  }

  @Test
  void detect_withoutRegistryUrl_exitsOneNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("detector.properties"), """
        bootstrap.servers=localhost:9092
        input.topic=events
        alerts.topic=alerts
        models.topic=models
        dlq.topic=dlq
        """);

    assertThat(run("detect", "--config", file.toString())).isEqualTo(1);
    assertThat(err()).startsWith("error: ").contains("schema.registry.url").hasLineCount(1);
  }

  @Test
  void detect_missingConfigFile_exitsOneNamingIt() {
    Path missing = dir.resolve("nope.properties");

    assertThat(run("detect", "--config", missing.toString())).isEqualTo(1);
    assertThat(err()).startsWith("error: " + missing).hasLineCount(1);
  }
}
