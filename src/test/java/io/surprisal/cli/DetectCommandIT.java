package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.kafka.Topic;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.TestRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code surprisal detect} against the test broker: how it ends. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DetectCommandIT {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void detect_registryUnreachable_stopsAndExitsOneWithTheCauseOnOneLine() throws IOException {
    // 1. configure: topics, a model record on the models topic, a registry URL nobody answers
    String models = KafkaFixture.uniqueTopic("models");
    String input = KafkaFixture.uniqueTopic("events");
    KafkaFixture.createTopic(models, 1, Map.of("cleanup.policy", "compact"));
    KafkaFixture.createTopic(input, 1, Map.of());
    Path file = Files.writeString(dir.resolve("detector.properties"), String.join("\n",
        "bootstrap.servers=" + KafkaFixture.bootstrapServers(),
        "schema.registry.url=http://127.0.0.1:1",
        "max.retries=0",
        "input.topic=" + input,
        "alerts.topic=" + KafkaFixture.uniqueTopic("alerts"),
        "models.topic=" + models,
        "dlq.topic=" + KafkaFixture.uniqueTopic("dlq"),
        "application.id=" + KafkaFixture.uniqueTopic("detector"),
        "state.dir=" + dir.resolve("state")));

    // 2. produce: a record in the registry wire format (schema id 1), which needs the registry to read
    TestRecords.produce(new Topic<>(models, Serdes.String(), Serdes.ByteArray()),
        List.of(KeyValue.pair("surprisal", new byte[] {0, 0, 0, 0, 1, 2, 'x'})));

    // 3. run the command: it must stop by itself
    int exit = Main.run(new String[] {"detect", "--config", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    // 4. verify: exit 1, one line naming the cause, nothing on stdout
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("error: the detector stopped: ")
        .contains("REGISTRY_FAILURE", "127.0.0.1:1")
        .hasLineCount(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
