package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.train.TrainingConfig;
import io.surprisal.model.FitOptions;
import io.surprisal.model.PreprocessingFit.Dequantize;
import io.surprisal.model.PreprocessingFit.LogTransform;
import io.surprisal.model.TrainingNoise;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ModelOptionsTest {

  /** Case-insensitive enums, as {@link Main#run} configures every command line. */
  private static CommandLine commandLine(Object command) {
    return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
  }

  private static FitOptions fitOptions(String... modelArgs) {
    FitCommand fit = new FitCommand();
    CommandLine commandLine = commandLine(fit);
    String[] args = new String[modelArgs.length + 4];
    System.arraycopy(new String[] {"--input", "in.csv", "--model-out", "m.model"}, 0, args, 0, 4);
    System.arraycopy(modelArgs, 0, args, 4, modelArgs.length);
    commandLine.parseArgs(args);
    return fit.model.fitOptions(commandLine);
  }

  @Test
  void fitOptions_nothingGiven_areExactlyFitOptionsDefaults() {
    assertThat(fitOptions()).isEqualTo(FitOptions.defaults());
    EvaluateCommand evaluate = new EvaluateCommand();
    CommandLine commandLine = commandLine(evaluate);
    commandLine.parseArgs("--input", "in.csv", "--label-column", "label");
    assertThat(evaluate.model.fitOptions(commandLine)).isEqualTo(FitOptions.defaults());
  }

  @Test
  void fitOptions_everyOptionGiven_changesOnlyItsField() {
    TrainingConfig t = FitOptions.defaults().training();
    FitOptions expected = FitOptions.defaults()
        .withTraining(t.withSpec(FlowSpec.preset("maf").withLayers(3).withHidden(24).withDepth(1))
            .withEpochs(7).withBatchSize(64).withLearningRate(0.01).withPatience(3).withMaxSteps(500)
            .withTimeBudget(Duration.ofSeconds(90)).withTrim(0.05, t.trimWarmupEpochs()))
        .withPreprocessing(LogTransform.NEVER, Dequantize.INTEGER).withNoise(TrainingNoise.AUTO);
    assertThat(fitOptions("--flow", "maf", "--layers", "3", "--hidden", "24", "--depth", "1", "--epochs", "7",
        "--batch-size", "64", "--learning-rate", "0.01", "--patience", "3", "--max-steps", "500", "--time-budget", "90s", "--trim",
        "0.05", "--log-transform", "never", "--dequantize", "INTEGER", "--noise", "auto")).isEqualTo(expected);
  }

  @Test
  void fitOptions_noise_isAutoOrAStandardDeviation() {
    assertThat(fitOptions("--noise", "0.3").noise()).isEqualTo(TrainingNoise.fixed(0.3));
    assertThat(fitOptions("--noise", "AUTO").noise()).isEqualTo(TrainingNoise.AUTO);
    assertThat(fitOptions("--noise", "0").noise()).isEqualTo(TrainingNoise.NONE);
    assertThatThrownBy(() -> fitOptions("--noise", "lots"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--noise").hasMessageContaining("auto or a number").hasMessageContaining("'lots'");
    assertThatThrownBy(() -> fitOptions("--noise", "-1"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--noise").hasMessageContaining("[0, 10)");
  }

  @Test
  void fitOptions_binsOnASplineFlow_setTheSplineBins() {
    FitOptions options = fitOptions("--flow", "nsf", "--bins", "5", "--time-budget", "PT2M");
    assertThat(options.training().spec()).isEqualTo(FitOptions.defaults().training().spec().withBins(5));
    assertThat(options.training().timeBudget()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void help_showsTheDefaultsOfFitOptions() {
    TrainingConfig t = FitOptions.defaults().training();
    CliRunner.Result r = CliRunner.run("fit", "--help");
    assertThat(r.exitCode()).isZero();
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("Most passes over the training rows; training stops earlier when the validation NLL stops"
            + " improving. Default: " + t.maxEpochs() + ".")
        .contains("Rows per optimiser step. Default: " + t.batchSize() + ".")
        .contains("Adam step size. Default: " + t.learningRate() + ".")
        .contains("Default: " + FitOptions.DEFAULT_PRESET + ".")
        .contains("Default: " + FitOptions.defaults().alpha() + ".");
  }
}
