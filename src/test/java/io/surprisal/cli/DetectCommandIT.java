package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.surprisal.avro.Alert;
import io.surprisal.avro.ModelVersion;
import io.surprisal.detect.HostReadings;
import io.surprisal.detect.SpecificAvroSerde;
import io.surprisal.detect.TestModels;
import io.surprisal.kafka.Topic;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroSerde;
import io.surprisal.serde.AvroSerdeConfig;
import io.surprisal.testing.SchemaRegistryFixture;
import io.surprisal.testing.KafkaFixture;
import io.surprisal.testing.Scrape;
import io.surprisal.testing.TestRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code surprisal detect} against the test broker and registry: it scores until stopped, and fails loudly. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DetectCommandIT {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void detect_configuredTopics_scoresEventsUntilStoppedThenExitsZero() throws Exception {
    // 1. configure: topics, a model version encoded by the real codec, the command's config file
    String input = KafkaFixture.uniqueTopic("events");
    String models = KafkaFixture.uniqueTopic("models");
    String alertsTopic = KafkaFixture.uniqueTopic("alerts");
    KafkaFixture.createTopic(input, 1, Map.of());
    KafkaFixture.createTopic(models, 1, Map.of("cleanup.policy", "compact"));
    KafkaFixture.createTopic(alertsTopic, 1, Map.of());
    SchemaRegistryClient registry = SchemaRegistryClient.create(SchemaRegistryConfig.of(SchemaRegistryFixture.url()));
    TestRecords.produce(new Topic<>(models, Serdes.String(), SpecificAvroSerde.of(ModelVersion.class, registry,
        AvroSerdeConfig.defaults())), List.of(KeyValue.pair("surprisal", TestModels.version("surprisal", 1, input,
        HostReadings.SPEC, ModelCodec.encode(TestModels.hostReadings())))));
    Path file = Files.writeString(dir.resolve("detector.properties"), String.join("\n",
        "bootstrap.servers=" + KafkaFixture.bootstrapServers(),
        "schema.registry.url=" + SchemaRegistryFixture.url(),
        "input.topic=" + input,
        "alerts.topic=" + alertsTopic,
        "models.topic=" + models,
        "dlq.topic=" + KafkaFixture.uniqueTopic("dlq"),
        "application.id=" + KafkaFixture.uniqueTopic("detector"),
        "state.dir=" + dir.resolve("state"),
        "commit.interval.ms=100",
        "metrics.host=127.0.0.1"));
    int metricsPort = freePort();
    DetectCommand command = new DetectCommand();
    CommandLine commandLine = new CommandLine(new Main(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == DetectCommand.class ? type.cast(command) : CommandLine.defaultFactory().create(type);
      }
    });
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = runner.submit(() -> Main.run(commandLine,
          new String[] {"detect", "--config", file.toString(), "--set", "metrics.port=" + metricsPort},
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), false));

      // 2. produce an anomalous event
      TestRecords.produce(new Topic<>(input, Serdes.ByteArray(), AvroSerde.create(registry,
          AvroSerdeConfig.defaults(), false)), List.of(KeyValue.pair("h1".getBytes(StandardCharsets.UTF_8),
          HostReadings.anomalous("h1"))));

      // 3. verify: it alerts, with the model version the codec decoded; stopping it exits 0
      Topic<byte[], Alert> alerts = new Topic<>(alertsTopic, Serdes.ByteArray(),
          SpecificAvroSerde.of(Alert.class, registry, AvroSerdeConfig.defaults()));
      assertThat(TestRecords.consume(alerts, 1, Duration.ofSeconds(60)))
          .extracting(r -> r.value().getModelVersion(), r -> r.value().getSourceOffset())
          .containsExactly(tuple(1L, 0L));
      // the command serves its metrics and health on metrics.port
      assertThat(Scrape.get("127.0.0.1", metricsPort, "/health/ready").status()).isEqualTo(200);
      assertThat(Scrape.sample(Scrape.get("127.0.0.1", metricsPort, "/metrics").body(), "surprisal_alerts_total"))
          .hasValue(1);
      command.running().orElseThrow().close();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(command.running()).isEmpty();
    } finally {
      runner.shutdownNow();
      registry.close();
    }
  }

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
        "state.dir=" + dir.resolve("state"),
        "metrics.port=0"));

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

  /** A loopback port nothing listens on now (something else could take it before the command binds it). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
