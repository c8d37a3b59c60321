package io.surprisal.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.config.InvalidConfigValueException;
import io.surprisal.model.FitOptions;
import io.surprisal.model.TrainingNoise;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerConfigTest {

  private static Config config(String... keyValues) {
    Map<String, String> values = new HashMap<>(Map.of("bootstrap.servers", "unused:9092", "input.topic", "in"));
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return Config.of(values, ConfigKeys.ALL);
  }

  @Test
  void modelNoise_defaultsToSelectAsFitDoes_andTakesAutoOrANumber() {
    assertThat(TrainerConfig.fitOptions(config()).noise()).isEqualTo(TrainingNoise.SELECT)
        .isEqualTo(FitOptions.defaults().noise());
    assertThat(TrainerConfig.fitOptions(config("model.noise", "auto")).noise()).isEqualTo(TrainingNoise.AUTO);
    assertThat(TrainerConfig.fitOptions(config("model.noise", "0.4")).noise()).isEqualTo(TrainingNoise.fixed(0.4));
  }

  @Test
  void modelNoise_otherText_isAnErrorNamingTheKey() {
    assertThatThrownBy(() -> TrainerConfig.fitOptions(config("model.noise", "loud")))
        .isInstanceOfSatisfying(InvalidConfigValueException.class,
            e -> assertThat(e.key()).isEqualTo("model.noise"))
        .hasMessageContaining("select, auto or a number in [0, 10)").hasMessageContaining("loud");
  }
}
