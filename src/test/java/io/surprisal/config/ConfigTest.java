package io.surprisal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  private static Config config(Map<String, String> values) {
    return Config.of(values, TrainerKeys.KEYS);
  }

  @Test
  void get_badDurationInFile_throwsTheDocumentedMessage(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("trainer.properties"), "retrain.interval=abc\n");
    Config config = new ConfigLoader(Map.of(), TrainerKeys.KEYS).load(file, List.of());

    assertThatThrownBy(() -> config.get(TrainerKeys.RETRAIN_INTERVAL))
        .isInstanceOfSatisfying(
            InvalidConfigValueException.class, e -> assertThat(e.key()).isEqualTo("retrain.interval"))
        .hasMessage(
            "'retrain.interval' must be a duration like 30s or 5m, got \"abc\" (from "
                + file + " line 1)");
  }

  @Test
  void get_valueFailingValidator_throwsWithTheValidatorsExpectation() {
    Config config = config(Map.of("retrain.interval", "500ms", "window.size", "0"));

    assertThatThrownBy(() -> config.get(TrainerKeys.RETRAIN_INTERVAL))
        .isInstanceOf(InvalidConfigValueException.class)
        .hasMessage("'retrain.interval' must be at least 1s, got \"500ms\" (from the given map)");
    assertThatThrownBy(() -> config.get(TrainerKeys.WINDOW_SIZE))
        .isInstanceOf(InvalidConfigValueException.class)
        .hasMessage("'window.size' must be at least 1, got \"0\" (from the given map)");
  }

  @Test
  void get_missingRequiredKey_throwsSayingWhereToSetIt(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("trainer.properties"), "");
    Config config = new ConfigLoader(Map.of(), TrainerKeys.KEYS).load(file, List.of());

    assertThatThrownBy(() -> config.get(CommonConfig.BOOTSTRAP_SERVERS))
        .isInstanceOfSatisfying(
            MissingConfigException.class, e -> assertThat(e.key()).isEqualTo("bootstrap.servers"))
        .hasMessage(
            "missing required setting 'bootstrap.servers': set it in " + file
                + ", with the environment variable SURPRISAL_BOOTSTRAP_SERVERS"
                + " or with --set bootstrap.servers=...");
  }

  @Test
  void get_unsetKeyWithDefault_returnsTheDefault() {
    assertThat(config(Map.of()).get(TrainerKeys.RETRAIN_INTERVAL)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void find_unsetOptionalKey_isEmptyAndSetOneIsParsed() {
    assertThat(config(Map.of()).find(TrainerKeys.FEATURES)).isEmpty();
    assertThat(config(Map.of("features", "a,b")).find(TrainerKeys.FEATURES)).contains(List.of("a", "b"));
  }

  @Test
  void find_unregisteredKey_throwsNamingIt() {
    ConfigKey<String> stray = ConfigKey.optional("stray.key", ValueType.STRING, "Not registered.");

    assertThatThrownBy(() -> config(Map.of("stray.key", "x")).find(stray))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'stray.key' is not registered");
  }

  @Test
  void passThrough_containsExactlyTheKeysTheApplicationDoesNotDefine() {
    Config config =
        config(Map.of("bootstrap.servers", "b:9092", "window.size", "3", "acks", "all", "ssl.key.password", "s"));

    assertThat(config.passThrough()).isEqualTo(Map.of("acks", "all", "ssl.key.password", "s"));
  }

  @Test
  void toString_listsKeysButNoValues() {
    Config config = config(Map.of("ssl.key.password", "secret"));

    assertThat(config.toString()).contains("ssl.key.password").doesNotContain("secret");
  }

  @Test
  void applicationKeys_areTheRegisteredKeysSortedByName() {
    assertThat(config(Map.of()).applicationKeys())
        .extracting(ConfigKey::name)
        .containsExactly("bootstrap.servers", "features", "model.max_bytes", "retrain.interval", "window.size");
  }
}
