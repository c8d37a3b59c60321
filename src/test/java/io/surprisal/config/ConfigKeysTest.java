package io.surprisal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

  @Test
  void all_containsTheCommonKeysSortedByName() {
    assertThat(ConfigKeys.ALL).contains(CommonConfig.BOOTSTRAP_SERVERS);
    assertThat(ConfigKeys.ALL).isSortedAccordingTo(java.util.Comparator.comparing(ConfigKey::name));
    assertThat(ConfigKeys.names()).contains("bootstrap.servers");
    assertThat(ConfigKeys.byName("bootstrap.servers")).containsSame(CommonConfig.BOOTSTRAP_SERVERS);
    assertThat(ConfigKeys.byName("acks")).isEmpty();
  }

  @Test
  void all_everyKeyHasDocAndAnEnvironmentVariableThatMapsBack() {
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      assertThat(key.doc()).as(key.name()).isNotBlank();
      assertThat(EnvironmentMapping.keyFor(EnvironmentMapping.variableFor(key.name())))
          .as(key.name())
          .contains(key.name());
    }
  }

  @Test
  void combine_twoKeysWithOneName_throwsNamingIt() {
    ConfigKey<String> other = ConfigKey.optional("bootstrap.servers", ValueType.STRING, "again");

    assertThatThrownBy(() -> ConfigKeys.combine(List.of(CommonConfig.KEYS, List.of(other))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'bootstrap.servers'");
  }

  @Test
  void kafkaClientConfig_isPassThroughPlusBootstrapServers() {
    Config config =
        Config.of(Map.of("bootstrap.servers", "k:9092", "acks", "all"), ConfigKeys.ALL);

    assertThat(CommonConfig.kafkaClientConfig(config))
        .isEqualTo(Map.of("bootstrap.servers", "k:9092", "acks", "all"));
  }
}
