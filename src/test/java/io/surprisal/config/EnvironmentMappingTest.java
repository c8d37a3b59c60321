package io.surprisal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentMappingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "SURPRISAL_BOOTSTRAP_SERVERS, bootstrap.servers",
    "SURPRISAL_SASL_JAAS_CONFIG, sasl.jaas.config",
    "SURPRISAL_MODEL_MAX__BYTES, model.max_bytes",
    "SURPRISAL_SCORE_WINDOW___SIZE, score.window-size",
    "SURPRISAL_A__B___C_D, a_b-c.d",
    "SURPRISAL_Retrain_Interval, retrain.interval",
    "SURPRISAL_X, x"
  })
  void keyFor_configurationVariable_mapsByTheRule(String variable, String key) {
    assertThat(EnvironmentMapping.keyFor(variable)).contains(key);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"PATH", "KAFKA_BOOTSTRAP_SERVERS", "surprisal_bootstrap_servers",
      "SURPRISAL_LOG_LEVEL", "SURPRISAL_JAVA_OPTS", "SURPRISAL_REBUILD"})
  void keyFor_otherOrReservedVariable_isEmpty(String variable) {
    assertThat(EnvironmentMapping.keyFor(variable)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"SURPRISAL_", "SURPRISAL__X", "SURPRISAL_X_", "SURPRISAL_A____B",
      "SURPRISAL_A.B", "SURPRISAL_A-B"})
  void keyFor_malformedVariable_throwsNamingIt(String variable) {
    assertThatThrownBy(() -> EnvironmentMapping.keyFor(variable))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable " + variable + " ");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"bootstrap.servers", "model.max_bytes", "score.window-size", "a_b-c.d", "x1"})
  void variableFor_mappableKey_isInvertedByKeyFor(String key) {
    String variable = EnvironmentMapping.variableFor(key);

    assertThat(variable).startsWith("SURPRISAL_").isUpperCase();
    assertThat(EnvironmentMapping.keyFor(variable)).contains(key);
  }

  @Test
  void variableFor_bootstrapServers_isTheDocumentedName() {
    assertThat(EnvironmentMapping.variableFor("bootstrap.servers"))
        .isEqualTo("SURPRISAL_BOOTSTRAP_SERVERS");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Upper.case", "a..b", ".a", "a.", "a._b", "a b", ""})
  void variableFor_unmappableKey_throws(String key) {
    assertThatThrownBy(() -> EnvironmentMapping.variableFor(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + key + "'");
  }
}
