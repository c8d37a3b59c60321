package io.surprisal.cli;

import io.surprisal.eval.TooFewRowsException;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import io.surprisal.model.TrainingInfo;
import io.surprisal.model.codec.ModelCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code surprisal fit}: trains a density model on a CSV file and saves it. */
@Command(name = "fit", mixinStandardHelpOptions = true, defaultValueProvider = FitDefaults.class,
    description = "Fits a normalizing-flow density model to the rows of a CSV file and saves it."
        + " Every column that is not excluded is a feature.")
final class FitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand Main main;

  @Option(names = "--input", required = true, paramLabel = "CSV", description = "Training rows, with a header.")
  Path input;

  @Option(names = "--model-out", required = true, paramLabel = "FILE", description = "Where to save the model.")
  Path modelOut;

  @Option(names = "--exclude", split = ",", paramLabel = "COLUMN",
      description = "Columns that are not features (labels, ids, timestamps), comma-separated.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "S", description = "Seeds splits, initialisation and shuffling."
      + " Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--alpha", paramLabel = "A", description = "Alert level saved with the model: score alerts when"
      + " an event's conformal p-value is at most A (about A of normal events alert). Default: ${DEFAULT-VALUE}.")
  double alpha;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    FitOptions base = model.fitOptions(spec.commandLine());
    FitOptions options = base.withTraining(base.training().withSeed(seed))
        .withAlpha(AlertLevel.check(spec.commandLine(), alpha));
    DensityModel fitted;
    try (OutputFile file = OutputFile.create(modelOut)) { // a bad --model-out fails before training
      FeatureTable data = FeatureTable.read(input, exclude, null);
      if (data.rows() < ModelFitter.MIN_ROWS) {
        throw new TooFewRowsException(data.source() + " has " + data.rows() + " data rows; fit needs at least "
            + ModelFitter.MIN_ROWS);
      }
      fitted = TrainingProgress.fit(options, data.features(), data.values(), data.rows(), main.progressBar(),
          "epoch");
      Files.write(file.temporary(), ModelCodec.encode(fitted));
      file.commit();
    }
    AlertLevel.unreachable(fitted.calibration(), fitted.alpha()).ifPresent(spec.commandLine().getErr()::println);
    TrainingInfo t = fitted.training();
    spec.commandLine().getOut().printf(Locale.ROOT,
        "wrote %s: %d features, %s flow with %d layers and %d parameters, trained on %d of %d rows"
            + " (%d calibration rows), validation NLL %.4f%n",
        modelOut, fitted.features().size(), ModelSummary.flowName(fitted.spec()), fitted.spec().layers(),
        t.parameterCount(), t.trainingRows(), t.rows(), t.calibrationRows(), t.validationNll());
    return 0;
  }
}
