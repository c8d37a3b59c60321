package io.surprisal.flow.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.surprisal.flow.FlowSpec;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FlowTrainerTest {

  @Test
  void effectivePatience_capsIdleEpochsOnLargeData_butNotOnSmallData() {
    assertThat(FlowTrainer.effectivePatience(10, 5)).as("small data: ten epochs are 50 steps").isEqualTo(10);
    assertThat(FlowTrainer.effectivePatience(10, 94)).as("30,000 rows at batch 256").isEqualTo(5);
    assertThat(FlowTrainer.effectivePatience(10, 1000)).as("never below three epochs").isEqualTo(3);
    assertThat(FlowTrainer.effectivePatience(2, 1000)).as("a smaller configured patience wins").isEqualTo(2);
  }

  @Test
  void epochLimit_holdsTheStepBudget_andNeverExceedsMaxEpochs() {
    TrainingConfig c = TrainingConfig.defaults(FlowSpec.preset("realnvp")).withMaxSteps(2000);
    assertThat(c.stepsPerEpoch(24_300)).as("94 full batches and a last one of 236 rows").isEqualTo(95);
    assertThat(c.stepsPerEpoch(24_100)).as("a last batch under a quarter is skipped").isEqualTo(94);
    assertThat(c.stepsPerEpoch(100)).as("fewer rows than a batch: one step").isEqualTo(1);
    assertThat(c.epochLimit(24_300)).as("ceil(2000 / 95)").isEqualTo(22);
    assertThat(c.epochLimit(2_000)).as("8 steps per epoch: the 100 epochs fit the budget").isEqualTo(100);
    assertThat(c.withMaxSteps(0).epochLimit(24_300)).as("no budget").isEqualTo(100);
  }

  @Test
  void fit_stopsAtTheStepBudget_andSaysSo() {
    TrainingConfig config = TrainingConfig.defaults(FlowSpec.preset("realnvp").withLayers(2).withHidden(8))
        .withBatchSize(50).withPatience(1000).withMaxSteps(25).withSeed(3);
    TrainingResult result = new FlowTrainer(config).fit(gaussianRows(1000, 1, 1), TrainingListener.NONE);
    // 900 training rows after the 10 % validation split: 18 steps per epoch, two epochs hold 25 steps
    assertThat(result.trainingRows()).isEqualTo(900);
    assertThat(result.epochs()).isEqualTo(2);
    assertThat(result.stopReason()).isEqualTo(TrainingResult.StopReason.STEP_BUDGET);
    TrainingResult unlimited = new FlowTrainer(config.withMaxSteps(0).withEpochs(3)).fit(gaussianRows(1000, 1, 1),
        TrainingListener.NONE);
    assertThat(unlimited.epochs()).isEqualTo(3);
    assertThat(unlimited.stopReason()).isEqualTo(TrainingResult.StopReason.MAX_EPOCHS);
  }

  /**
   * Rows from N(0, I) in 2-D trained with noise 1: the smoothed density is N(0, 2 I). As a bandwidth,
   * the validation NLL is taken on noisy rows, about its entropy log(2 pi e 2) = 3.531; as a
   * regulariser, on the rows as they are, where the smoothed density scores log(2 pi 2) + 1/2 = 3.031.
   */
  @Test
  void fit_withNoiseAsABandwidth_validatesOnNoisyRows() {
    assertThat(validationNllWithNoise(1.0, true, 1, 1)).isCloseTo(3.531, within(0.08));
    assertThat(validationNllWithNoise(1.0, false, 1, 1)).isLessThan(3.2);
  }

  /**
   * A bandwidth is in units of each feature's spread (Scott's rule per dimension): rows from
   * N(0, diag(1, 0.2^2)) with bandwidth 1 are smoothed to N(0, diag(2, 2 x 0.2^2)), entropy
   * log(2 pi e) + 1/2 log(2 x 2 x 0.04) = 1.922. Noise of 1 on the narrow feature as well would give
   * N(0, diag(2, 1.04)), entropy 3.204.
   */
  @Test
  void fit_withNoiseAsABandwidth_widensEachFeatureInProportionToItsSpread() {
    assertThat(validationNllWithNoise(1.0, true, 1, 0.2)).isCloseTo(1.922, within(0.08));
  }

  /** Validation NLL of a small realnvp trained on 4,000 rows of N(0, diag(sd^2)) with the given noise. */
  private static double validationNllWithNoise(double noise, boolean asBandwidth, double... sd) {
    TrainingConfig config = TrainingConfig.defaults(FlowSpec.preset("realnvp").withLayers(2).withHidden(8))
        .withEpochs(30).withSeed(5).withNoise(noise, asBandwidth);
    return new FlowTrainer(config).fit(gaussianRows(4000, sd), TrainingListener.NONE).validationNll();
  }

  @Test
  void clippedSpread_isTheStandardDeviation_withExtremeValuesCountedAtTheClip() {
    double[] rows = {-1, 10, 1, 20, -1, 30, 1, 40};
    assertThat(FlowTrainer.clippedSpread(rows, 4, 2, 0)).isCloseTo(Math.sqrt(4.0 / 3), within(1e-12));
    double[] outlier = {-1, 1, -1, 1e9};
    // counted as -1, 1, -1, 5: mean 1, squared deviations 4, 0, 4, 16
    assertThat(FlowTrainer.clippedSpread(outlier, 4, 1, 0)).isCloseTo(Math.sqrt(24 / 3.0), within(1e-12));
    assertThat(FlowTrainer.clippedSpread(new double[] {3, 3, 3}, 3, 1, 0)).isEqualTo(1);
  }

  private static TrainingData gaussianRows(int n, double... sd) {
    SplittableRandom random = new SplittableRandom(1);
    int d = sd.length;
    double[] rows = new double[n * d];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = sd[i % d] * random.nextGaussian();
    }
    return new TrainingData() {
      @Override
      public int rows() {
        return n;
      }

      @Override
      public int dim() {
        return d;
      }

      @Override
      public void fill(int[] index, int from, int to, double[] out, RandomGenerator noise) {
        for (int r = from; r < to; r++) {
          System.arraycopy(rows, index[r] * d, out, (r - from) * d, d);
        }
      }

      @Override
      public double preprocessingLogDet(int row) {
        return 0;
      }
    };
  }
}
