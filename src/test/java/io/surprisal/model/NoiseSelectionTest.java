package io.surprisal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.flow.train.TrainingListener;
import io.surprisal.testing.SyntheticData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseSelectionTest {

  @Test
  void choose_smoothDensityFromFewRows_keepsASmootherSettingThanTheSharpOne() {
    // 200 rows of an 8-dimensional standard normal: the sharp flow overfits so few rows, and a kernel
    // bandwidth predicts held-out rows better
    SplittableRandom random = new SplittableRandom(1);
    int n = 200;
    int d = 8;
    double[] rows = new double[n * d];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = random.nextGaussian();
    }
    TrainingInfo info = fit(rows, n, d);

    assertThat(info.noiseCandidates()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(info.chosenNoise()).get().extracting(NoiseCandidate::noise).isNotEqualTo(TrainingNoise.SHARP.toString());
  }

  @Test
  void choose_tightRelationBetweenFeatures_keepsTheSharpSetting() {
    // y = 2x + 0.02 e: any kernel wide enough to matter blurs the line, which held-out rows reveal
    SplittableRandom random = new SplittableRandom(5);
    int n = 3000;
    double[] rows = new double[n * 2];
    for (int i = 0; i < n; i++) {
      double x = random.nextGaussian();
      rows[2 * i] = x;
      rows[2 * i + 1] = 2 * x + 0.02 * random.nextGaussian();
    }
    TrainingInfo info = fit(rows, n, 2);

    assertThat(info.chosenNoise()).get().extracting(NoiseCandidate::noise).isEqualTo(TrainingNoise.SHARP.toString());
    NoiseCandidate sharp = info.noiseCandidates().get(0);
    NoiseCandidate next = info.noiseCandidates().get(1);
    assertThat(next.heldOutNll()).as("the walk stops at the first smoother setting that predicts no better")
        .isGreaterThan(sharp.heldOutNll());
    assertThat(info.noiseCandidates()).hasSize(2);
  }

  @Test
  void trimmedMean_leavesOutTheHighestShare() {
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
    assertThat(NoiseSelection.trimmedMean(values, 0.1)).isCloseTo(5, within(1e-12));
    assertThat(NoiseSelection.trimmedMean(values, 0)).isCloseTo(14.5, within(1e-12));
    assertThat(NoiseSelection.trimmedMean(new double[0], 0.1)).isNaN();
  }

  @Test
  void constructor_selectAsACandidate_isRefused() {
    var training = FitOptions.defaults().training();
    assertThatThrownBy(() -> new NoiseSelection(training, List.of(TrainingNoise.SELECT)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("select");
    assertThatThrownBy(() -> new NoiseSelection(training, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static TrainingInfo fit(double[] rows, int n, int d) {
    DensityModel model = new ModelFitter(FitOptions.defaults())
        .fit(SyntheticData.names(d), rows, n, TrainingListener.NONE);
    return model.training();
  }
}
