package io.surprisal.cli;

import io.surprisal.flow.train.EpochReport;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import io.surprisal.model.TrainingInfo;
import java.util.List;
import java.util.Locale;

/**
 * Shows a fit on a progress bar: one step per epoch with its validation NLL and the best so far,
 * then a summary line with the kept epoch and why training stopped.
 */
final class TrainingProgress implements TrainingListener {
  private final ProgressBar bar;
  private boolean drawn;

  private TrainingProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * Fits a model on {@code n} row-major rows while drawing the epochs on {@code bar}.
   *
   * @param label what the bar counts, such as "epoch" or "seed 2 epoch"
   */
  static DensityModel fit(FitOptions options, List<String> features, double[] rows, int n, ProgressBar bar,
      String label) {
    bar.start(options.training().maxEpochs(), label);
    TrainingProgress progress = new TrainingProgress(bar);
    DensityModel model;
    try {
      model = new ModelFitter(options).fit(features, rows, n, progress);
    } catch (RuntimeException e) {
      if (progress.drawn) {
        bar.finish("failed"); // ends the line, so the error starts on its own
      }
      throw e;
    }
    bar.finish(summary(model.training()));
    return model;
  }

  @Override
  public void epochFinished(EpochReport report) {
    String detail = Double.isNaN(report.validationNll())
        ? String.format(Locale.ROOT, "train loss %.4f", report.trainLoss())
        : String.format(Locale.ROOT, "val NLL %.4f (best %.4f)", report.validationNll(), report.bestValidationNll());
    bar.update(report.epoch(), detail);
    drawn = true;
  }

  static String summary(TrainingInfo info) {
    String nll = Double.isNaN(info.validationNll()) ? "no validation rows"
        : String.format(Locale.ROOT, "best val NLL %.4f", info.validationNll());
    return String.format(Locale.ROOT, "%s at epoch %d of %d (%s, %.1f s)", nll, info.bestEpoch(), info.epochs(),
        info.stopReason().toLowerCase(Locale.ROOT).replace('_', ' '), info.duration().toMillis() / 1000.0);
  }
}
