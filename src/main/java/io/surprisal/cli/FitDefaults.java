package io.surprisal.cli;

import io.surprisal.flow.train.TrainingConfig;
import io.surprisal.model.FitOptions;
import java.util.Locale;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults of {@code fit} and {@code evaluate} read from {@link FitOptions#defaults()}, so that
 * {@code --help} shows the values training really uses and no command repeats them. Architecture
 * options have none here: their default is the chosen preset's.
 */
final class FitDefaults implements IDefaultValueProvider {
  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    FitOptions defaults = FitOptions.defaults();
    TrainingConfig t = defaults.training();
    return switch (option.longestName()) {
      case "--flow" -> FitOptions.DEFAULT_PRESET;
      case "--epochs" -> String.valueOf(t.maxEpochs());
      case "--batch-size" -> String.valueOf(t.batchSize());
      case "--learning-rate" -> String.valueOf(t.learningRate());
      case "--patience" -> String.valueOf(t.patience());
      case "--max-steps" -> String.valueOf(t.maxSteps());
      case "--trim" -> String.valueOf(t.trimFraction());
      case "--log-transform" -> defaults.logTransform().name().toLowerCase(Locale.ROOT);
      case "--dequantize" -> defaults.dequantize().name().toLowerCase(Locale.ROOT);
      case "--whiten" -> String.valueOf(defaults.whiten());
      case "--noise" -> defaults.noise().toString();
      case "--alpha" -> String.valueOf(defaults.alpha());
      case "--seed" -> String.valueOf(t.seed());
      default -> null;
    };
  }
}
