package io.surprisal.cli;

import io.surprisal.config.ValueType;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.train.TrainingConfig;
import io.surprisal.model.FitOptions;
import io.surprisal.model.PreprocessingFit;
import io.surprisal.model.TrainingNoise;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The model options shared by {@code fit} and {@code evaluate} (a picocli mixin): flow architecture,
 * optimisation and preprocessing. An option that is not given keeps the value of
 * {@link FitOptions#defaults()} (shown in {@code --help} by {@link FitDefaults}), so a change of
 * default there is the only change needed. Architecture options override the chosen preset.
 */
final class ModelOptions {
  @Option(names = "--flow", paramLabel = "PRESET", completionCandidates = Presets.class,
      description = "Flow architecture: nsf (coupling spline), maf (masked autoregressive affine) or realnvp"
          + " (coupling affine). Default: ${DEFAULT-VALUE}.")
  String flow;

  @Option(names = "--layers", paramLabel = "N", description = "Flow steps. Default: the preset's.")
  Integer layers;

  @Option(names = "--hidden", paramLabel = "H", description = "Width of the conditioner networks' hidden layers."
      + " Default: the preset's.")
  Integer hidden;

  @Option(names = "--depth", paramLabel = "D", description = "Hidden layers per conditioner network."
      + " Default: the preset's.")
  Integer depth;

  @Option(names = "--bins", paramLabel = "K", description = "Spline bins (spline flows only). Default: the preset's.")
  Integer bins;

  @Option(names = "--epochs", paramLabel = "E", description = "Most passes over the training rows; training stops"
      + " earlier when the validation NLL stops improving. Default: ${DEFAULT-VALUE}.")
  Integer epochs;

  @Option(names = "--batch-size", paramLabel = "B", description = "Rows per optimiser step. Default: ${DEFAULT-VALUE}.")
  Integer batchSize;

  @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam step size. Default: ${DEFAULT-VALUE}.")
  Double learningRate;

  @Option(names = "--patience", paramLabel = "P", description = "Epochs without validation improvement before"
      + " stopping. Default: ${DEFAULT-VALUE}.")
  Integer patience;

  @Option(names = "--max-steps", paramLabel = "N", description = "Train at most the epochs that hold about N"
      + " optimiser steps (the same on every machine, unlike a time budget); 0: no limit. Default: ${DEFAULT-VALUE}.")
  Integer maxSteps;

  @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop training after this long (60s, 5m, PT1H) and keep the best epoch so far."
          + " Default: no limit.")
  Duration timeBudget;

  @Option(names = "--trim", paramLabel = "FRACTION", description = "After warm-up, train each epoch without this"
      + " share of the highest-NLL rows, for data with anomalies in it. Default: ${DEFAULT-VALUE}.")
  Double trim;

  @Option(names = "--log-transform", paramLabel = "auto|never|always", description = "Symmetric log of"
      + " heavy-tailed features: auto (when skewed), never, always. Default: ${DEFAULT-VALUE}.")
  PreprocessingFit.LogTransform logTransform;

  @Option(names = "--dequantize", paramLabel = "auto|integer|never", description = "Which lattice-valued"
      + " features get uniform noise in training: auto (integers and repeated lattices), integer, never."
      + " Default: ${DEFAULT-VALUE}.")
  PreprocessingFit.Dequantize dequantize;

  @Option(names = "--whiten", negatable = true, paramLabel = "", description = "Decorrelate the features with a"
      + " robust (outlier-trimmed) covariance before the flow. Default: ${DEFAULT-VALUE}.")
  Boolean whiten;

  @Option(names = "--noise", paramLabel = "select|auto|SIGMA", description = "Gaussian noise added to training"
      + " rows; the flow learns the density smoothed by it. select: train 0.1 and kernel bandwidths of 0.5, 1 and"
      + " 2.5 x Scott's rule, sharpest first, and keep the one whose density predicts held-out rows best (trimmed"
      + " mean NLL; `inspect` lists the candidates). auto: the bandwidth 2.5 x Scott's rule, in units of each"
      + " feature's spread (smooth; it blurs tight relations between features). SIGMA: a standard deviation in"
      + " standardised units, a regulariser (0.1 keeps the density sharp; 0: none). Default: ${DEFAULT-VALUE}.")
  String noise;

  /**
   * {@link FitOptions#defaults()} with the options given on the command line.
   *
   * @throws ParameterException naming the option whose value is out of range
   */
  FitOptions fitOptions(CommandLine commandLine) {
    FitOptions defaults = FitOptions.defaults();
    TrainingConfig t = defaults.training();
    FlowSpec spec = t.spec();
    if (flow != null && !flow.equalsIgnoreCase(FitOptions.DEFAULT_PRESET)) {
      spec = valid(commandLine, "--flow", flow, () -> FlowSpec.preset(flow));
    }
    spec = with(commandLine, "--layers", layers, spec, s -> s.withLayers(layers));
    spec = with(commandLine, "--hidden", hidden, spec, s -> s.withHidden(hidden));
    spec = with(commandLine, "--depth", depth, spec, s -> s.withDepth(depth));
    if (bins != null && spec.transform() != FlowSpec.Transform.SPLINE) {
      throw new ParameterException(commandLine, "--bins applies to spline flows only; --flow "
          + (flow != null ? flow : FitOptions.DEFAULT_PRESET) + " uses affine transforms");
    }
    spec = with(commandLine, "--bins", bins, spec, s -> s.withBins(bins));
    TrainingConfig training = t.withSpec(spec);
    training = with(commandLine, "--epochs", epochs, training, c -> c.withEpochs(epochs));
    training = with(commandLine, "--batch-size", batchSize, training, c -> c.withBatchSize(batchSize));
    training = with(commandLine, "--learning-rate", learningRate, training, c -> c.withLearningRate(learningRate));
    training = with(commandLine, "--patience", patience, training, c -> c.withPatience(patience));
    training = with(commandLine, "--max-steps", maxSteps, training, c -> c.withMaxSteps(maxSteps));
    training = with(commandLine, "--time-budget", timeBudget, training, c -> c.withTimeBudget(timeBudget));
    training = with(commandLine, "--trim", trim, training, c -> c.withTrim(trim, c.trimWarmupEpochs()));
    FitOptions options = defaults.withTraining(training);
    options = with(commandLine, "--noise", noise, options, o -> o.withNoise(TrainingNoise.parse(noise)));
    options = options.withPreprocessing(logTransform != null ? logTransform : options.logTransform(),
        dequantize != null ? dequantize : options.dequantize());
    return whiten != null ? options.withWhitening(whiten) : options;
  }

  /** {@code change(current)} if the option was given, else {@code current}. */
  private static <T> T with(CommandLine commandLine, String option, Object value, T current,
      UnaryOperator<T> change) {
    return value == null ? current : valid(commandLine, option, value, () -> change.apply(current));
  }

  /** Builds a value, turning the library's range check into a usage error that names the option. */
  static <T> T valid(CommandLine commandLine, String option, Object value, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine,
          "Invalid value for option '" + option + "': " + value + " (" + e.getMessage() + ")");
    }
  }

  /** Durations as the configuration writes them: {@code 60s}, {@code 5m}, ISO-8601. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      try {
        return ValueType.DURATION.parse(text.strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + text + "' is not " + ValueType.DURATION.expectation());
      }
    }
  }

  /** The preset names, for help and shell completion. */
  static final class Presets implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return FlowSpec.PRESETS.iterator();
    }
  }
}
