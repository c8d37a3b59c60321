package io.surprisal.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InterimModelCodecTest {

  static DensityModel tinyModel(String preset) {
    SplittableRandom r = new SplittableRandom(1);
    int n = 200;
    double[] rows = new double[n * 3];
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian();
      rows[3 * i] = a;
      rows[3 * i + 1] = 2 * a + 0.1 * r.nextGaussian();
      rows[3 * i + 2] = r.nextInt(5);
    }
    FitOptions base = FitOptions.defaults();
    FitOptions options = base.withTraining(base.training().withSpec(FlowSpec.preset(preset).withHidden(8).withLayers(2))
        .withEpochs(2));
    return new ModelFitter(options).fit(List.of("a", "b", "c"), rows, n, TrainingListener.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nsf", "maf"})
  void decode_encoded_scoresExactlyTheSame(String preset) {
    DensityModel model = tinyModel(preset);

    DensityModel copy = ModelArtifact.decode(ModelArtifact.encode(model));

    double[] x = {0.3, 0.5, 2};
    assertThat(copy.logDensity(x)).isEqualTo(model.logDensity(x));
    assertThat(copy.score(x)).isEqualTo(model.score(x));
    assertThat(copy.features()).isEqualTo(model.features());
    assertThat(copy.training().rows()).isEqualTo(model.training().rows());
    assertThat(copy.training().validationNll()).isEqualTo(model.training().validationNll());
    assertThat(copy.calibration().scores()).isEqualTo(model.calibration().scores());
  }

  @Test
  void decode_garbage_throwsUnreadableModel() {
    assertThatThrownBy(() -> ModelArtifact.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(UnreadableModelException.class)
        .hasMessageContaining("3 bytes");
  }
}
