package io.surprisal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static ConfigLoader loader(Map<String, String> environment) {
    return new ConfigLoader(environment, TrainerKeys.KEYS);
  }

  @Test
  void load_layers_setBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
    Path file =
        file("trainer.properties", "retrain.interval=1m\nwindow.size=10\nmodel.max_bytes=1KB\n");
    Map<String, String> env =
        Map.of("SURPRISAL_WINDOW_SIZE", "20", "SURPRISAL_RETRAIN_INTERVAL", "2m");

    Config config = loader(env).load(file, List.of("retrain.interval=3m"));

    assertThat(config.get(TrainerKeys.RETRAIN_INTERVAL)).isEqualTo(Duration.ofMinutes(3));
    assertThat(config.origin("retrain.interval")).contains("--set");
    assertThat(config.get(TrainerKeys.WINDOW_SIZE)).isEqualTo(20);
    assertThat(config.origin("window.size")).contains("environment variable SURPRISAL_WINDOW_SIZE");
    assertThat(config.get(TrainerKeys.MODEL_MAX_BYTES)).isEqualTo(1024L);
    assertThat(config.origin("model.max_bytes")).contains(file + " line 3");
  }

  @Test
  void load_severalFiles_laterFileWinsAndEachValueNamesItsFile() throws IOException {
    Path common = file("common.properties", "bootstrap.servers=kafka:9092\nwindow.size=10\n");
    Path trainer = file("trainer.properties", "window.size=30\n");
    Path credentials = file("client.properties", "sasl.mechanism=PLAIN\n");

    Config config = loader(Map.of()).load(List.of(common, trainer, credentials), List.of());

    assertThat(config.get(CommonConfig.BOOTSTRAP_SERVERS)).isEqualTo("kafka:9092");
    assertThat(config.get(TrainerKeys.WINDOW_SIZE)).isEqualTo(30);
    assertThat(config.origin("window.size")).contains(trainer + " line 1");
    assertThat(config.passThrough()).containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void load_severalFilesWithoutARequiredKey_messageNamesEveryFile() throws IOException {
    Path a = file("a.properties", "window.size=10\n");
    Path b = file("b.properties", "window.size=20\n");

    Config config = loader(Map.of()).load(List.of(a, b), List.of());

    assertThatThrownBy(() -> config.get(CommonConfig.BOOTSTRAP_SERVERS))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("set it in " + a + " or " + b + ",");
  }

  @Test
  void load_withoutFile_usesEnvironmentOverridesAndDefaults() {
    Config config =
        loader(Map.of("SURPRISAL_BOOTSTRAP_SERVERS", "kafka:9092")).load(List.of("window.size=5"));

    assertThat(config.get(CommonConfig.BOOTSTRAP_SERVERS)).isEqualTo("kafka:9092");
    assertThat(config.get(TrainerKeys.WINDOW_SIZE)).isEqualTo(5);
    assertThat(config.get(TrainerKeys.RETRAIN_INTERVAL)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void load_unknownKeysFromEveryLayer_arePassedThroughUnchanged() throws IOException {
    Path file = file("d.properties", "security.protocol=SASL_SSL\nwindow.size=3\n");
    Map<String, String> env =
        Map.of("SURPRISAL_SASL_MECHANISM", "SCRAM-SHA-512", "SURPRISAL_LOG_LEVEL", "DEBUG", "HOME", "/root");

    Config config = loader(env).load(file, List.of("producer.linger.ms= 5"));

    assertThat(config.passThrough())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "producer.linger.ms", " 5"));
  }

  @Test
  void load_overrideWithoutEquals_throwsQuotingIt() {
    assertThatThrownBy(() -> loader(Map.of()).load(List.of("window.size")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--set expects key=value, got \"window.size\"");
    assertThatThrownBy(() -> loader(Map.of()).load(List.of("=5")))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void load_overrideValueWithEquals_keepsEverythingAfterTheFirstEquals() {
    Config config = loader(Map.of()).load(List.of("sasl.jaas.config=a b=\"c\";"));

    assertThat(config.passThrough()).containsEntry("sasl.jaas.config", "a b=\"c\";");
  }

  @Test
  void load_twoVariablesForOneKey_throwsNamingBoth() {
    Map<String, String> env = Map.of("SURPRISAL_WINDOW_SIZE", "1", "SURPRISAL_window_size", "2");

    assertThatThrownBy(() -> loader(env).load(List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SURPRISAL_WINDOW_SIZE")
        .hasMessageContaining("SURPRISAL_window_size")
        .hasMessageContaining("'window.size'");
  }

  @Test
  void load_missingFile_throwsNamingTheFile() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> loader(Map.of()).load(missing, List.of()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void load_lineWithoutSeparator_throwsNamingFileAndLine() throws IOException {
    Path file = file("detector.properties", "# comment\n\nwindow.size=3\nretrain.interval 5m\n");

    assertThatThrownBy(() -> loader(Map.of()).load(file, List.of()))
        .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.line()).isEqualTo(4))
        .hasMessage(file + " line 4: expected key=value, got \"retrain.interval 5m\"");
  }

  @Test
  void load_keyWithSpace_throwsNamingTheLine() throws IOException {
    Path file = file("d.properties", "retrain interval=5m\n");

    assertThatThrownBy(() -> loader(Map.of()).load(file, List.of()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith(file + " line 1: key \"retrain interval\" contains a space");
  }

  @Test
  void load_duplicateKey_throwsNamingBothLines() throws IOException {
    Path file = file("d.properties", "window.size=3\n# again\nwindow.size = 4\n");

    assertThatThrownBy(() -> loader(Map.of()).load(file, List.of()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(file + " line 3: key 'window.size' is already set on line 1");
  }

  @Test
  void load_malformedUnicodeEscape_throwsNamingTheLine() throws IOException {
    Path file = file("d.properties", "a=1\nb=\\uZZZZ\n");

    assertThatThrownBy(() -> loader(Map.of()).load(file, List.of()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith(file + " line 2: malformed escape");
  }

  @Test
  void load_notUtf8_throwsNamingTheFile() throws IOException {
    Path file = Files.write(dir.resolve("latin1.properties"), new byte[] {'a', '=', (byte) 0xE9});

    assertThatThrownBy(() -> loader(Map.of()).load(file, List.of()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(file + ": not valid UTF-8");
  }

  @Test
  void load_propertiesSyntax_colonsEscapesContinuationsAndUtf8AreRead() throws IOException {
    Path file =
        file(
            "d.properties",
            """
            ! bang comment
               features : amount, \\
                          merchant,\\
                          country
            sasl.jaas.config=org.example.Login required \\
                username="ü" password="a\\\\b";
            key\\ with\\ escaped\\ spaces = x
            bootstrap.servers=host:9092
            """);

    Config config = loader(Map.of()).load(file, List.of());

    assertThat(config.get(TrainerKeys.FEATURES)).containsExactly("amount", "merchant", "country");
    assertThat(config.origin("features")).contains(file + " line 2");
    assertThat(config.get(CommonConfig.BOOTSTRAP_SERVERS)).isEqualTo("host:9092");
    assertThat(config.passThrough())
        .containsEntry("sasl.jaas.config", "org.example.Login required username=\"ü\" password=\"a\\b\";")
        .containsEntry("key with escaped spaces", "x");
  }
}
