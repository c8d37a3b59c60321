package io.surprisal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.config.InvalidConfigValueException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsConfigTest {
  private static Config config(Map<String, String> values) {
    return Config.of(values, ConfigKeys.ALL);
  }

  @Test
  void address_portUnset_isTheCommandsDefaultOnEveryInterface() {
    assertThat(MetricsConfig.address(config(Map.of()), MetricsConfig.TRAIN_DEFAULT_PORT))
        .hasValueSatisfying(a -> {
          assertThat(a.getHostString()).isEqualTo("0.0.0.0");
          assertThat(a.getPort()).isEqualTo(8081);
        });
  }

  @Test
  void address_portZero_isEmptySoNoServerStarts() {
    assertThat(MetricsConfig.address(config(Map.of("metrics.port", "0")), MetricsConfig.DETECT_DEFAULT_PORT))
        .isEmpty();
  }

  @Test
  void address_portAndHostSet_areUsed() {
    assertThat(MetricsConfig.address(config(Map.of("metrics.port", "9404", "metrics.host", "127.0.0.1")),
        MetricsConfig.DETECT_DEFAULT_PORT))
        .map(InetSocketAddress::getPort).hasValue(9404);
    assertThat(MetricsConfig.address(config(Map.of("metrics.host", "127.0.0.1")), 1))
        .map(InetSocketAddress::getHostString).hasValue("127.0.0.1");
  }

  @Test
  void address_portOutOfRange_throwsNamingTheKey() {
    assertThatThrownBy(() -> MetricsConfig.address(config(Map.of("metrics.port", "70000")), 8080))
        .isInstanceOf(InvalidConfigValueException.class)
        .hasMessageContaining("metrics.port");
  }

  @Test
  void keys_areApplicationKeys() {
    assertThat(ConfigKeys.names()).contains("metrics.port", "metrics.host");
  }
}
