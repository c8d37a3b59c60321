package io.surprisal.cli;

import io.surprisal.model.Calibration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Checks on the alert level alpha given on the command line. */
final class AlertLevel {
  private AlertLevel() {}

  /**
   * @throws ParameterException unless {@code 0 < alpha < 1}
   */
  static double check(CommandLine commandLine, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new ParameterException(commandLine,
          "Invalid value for option '--alpha': " + alpha + " (alpha must be in (0, 1))");
    }
    return alpha;
  }

  /**
   * A warning when alpha lies below the smallest conformal p-value, 1/(n+1) with n calibration
   * scores: then either no event can alert (too few scores for a tail model), or alerts rest on the
   * calibration's exponential tail beyond its largest score.
   */
  static Optional<String> unreachable(Calibration calibration, double alpha) {
    double smallest = 1.0 / (calibration.size() + 1);
    if (smallest <= alpha) {
      return Optional.empty();
    }
    if (Double.isNaN(calibration.tailScale())) {
      return Optional.of(String.format(Locale.ROOT, "warning: with %d calibration rows the smallest p-value is"
          + " %.3g, above alpha %s, so no event can alert; fit on more rows or use a larger --alpha",
          calibration.size(), smallest, alpha));
    }
    return Optional.of(String.format(Locale.ROOT, "warning: with %d calibration rows conformal p-values stop at"
        + " %.3g, above alpha %s: alerts rest on the exponential tail fitted beyond the largest calibration score;"
        + " fit on more rows for exact conformal p-values", calibration.size(), smallest, alpha));
  }
}
