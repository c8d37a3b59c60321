package io.surprisal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.config.InvalidConfigValueException;
import io.surprisal.config.MissingConfigException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DetectorConfigTest {
  private static final Map<String, String> MINIMAL = Map.of(
      "bootstrap.servers", "kafka:9092",
      "input.topic", "telemetry",
      "alerts.topic", "alerts",
      "models.topic", "models",
      "dlq.topic", "telemetry-dlq");

  private static Config config(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(MINIMAL);
    values.putAll(extra);
    return Config.of(values, ConfigKeys.ALL);
  }

  @Test
  void settings_minimalConfig_takesTheDefaults() {
    assertThat(DetectorConfig.settings(config(Map.of()))).isEqualTo(new DetectorSettings("telemetry", "alerts",
        "models", "telemetry-dlq", Optional.empty(), "surprisal", OptionalDouble.empty(), 3, "telemetry-value"));
  }

  @Test
  void settings_everyKeySet_readsThem() {
    Config config = config(Map.of("scores.topic", "scores", "model.name", "checkout", "alpha", "0.01",
        "alert.attributions.top.k", "5", "input.subject", "io.example.Telemetry"));

    assertThat(DetectorConfig.settings(config)).isEqualTo(new DetectorSettings("telemetry", "alerts", "models",
        "telemetry-dlq", Optional.of("scores"), "checkout", OptionalDouble.of(0.01), 5, "io.example.Telemetry"));
  }

  @Test
  void streamsConfig_passesOtherKeysThroughAndSetsTheDetectorsDefaults() {
    Properties props = DetectorConfig.streamsConfig(config(Map.of("security.protocol", "SASL_SSL",
        "sasl.jaas.config", "secret", "schema.registry.url", "http://registry:8081", "num.stream.threads", "2")));

    assertThat(props).containsEntry("bootstrap.servers", "kafka:9092")
        .containsEntry("application.id", "surprisal-detector")
        .containsEntry("processing.guarantee", "at_least_once")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", "secret")
        .containsEntry("schema.registry.url", "http://registry:8081")
        .containsEntry("num.stream.threads", "2")
        .doesNotContainKeys("input.topic", "alerts.topic", "models.topic", "dlq.topic", "model.name");
  }

  @Test
  void streamsConfig_exactlyOnce_passesThrough() {
    assertThat(DetectorConfig.streamsConfig(config(Map.of("processing.guarantee", "exactly_once_v2",
        "application.id", "fraud-detector"))))
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("application.id", "fraud-detector");
  }

  @Test
  void config_invalidValues_failNamingTheKey() {
    assertThatThrownBy(() -> DetectorConfig.streamsConfig(config(Map.of("processing.guarantee", "exactly_once"))))
        .isInstanceOf(InvalidConfigValueException.class).hasMessageContaining("processing.guarantee");
    assertThatThrownBy(() -> DetectorConfig.settings(config(Map.of("alpha", "1"))))
        .isInstanceOf(InvalidConfigValueException.class).hasMessageContaining("alpha");
    assertThatThrownBy(() -> DetectorConfig.settings(config(Map.of("alerts.topic", "alerts/high"))))
        .isInstanceOf(InvalidConfigValueException.class).hasMessageContaining("alerts.topic");
  }

  @Test
  void settings_withoutInputTopic_failsNamingIt() {
    Map<String, String> values = new HashMap<>(MINIMAL);
    values.remove("input.topic");

    assertThatThrownBy(() -> DetectorConfig.settings(Config.of(values, ConfigKeys.ALL)))
        .isInstanceOf(MissingConfigException.class).hasMessageContaining("'input.topic'");
  }
}
