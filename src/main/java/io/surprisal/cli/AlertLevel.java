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
   * tail fitted to the top calibration scores, extrapolated beyond the largest one.
   */
  static Optional<String> unreachable(Calibration calibration, double alpha) {
    double smallest = calibration.smallestConformalPValue();
    if (smallest <= alpha) {
      return Optional.empty();
    }
    if (calibration.tail().isEmpty()) {
      return Optional.of(String.format(Locale.ROOT, "warning: with %d calibration rows the smallest p-value is"
          + " %.3g, above alpha %s, so no event can alert; fit on more rows or use a larger --alpha",
          calibration.size(), smallest, alpha));
    }
    return Optional.of(String.format(Locale.ROOT, "warning: with %d calibration rows conformal p-values stop at"
        + " %.3g, above alpha %s: alerts rest on the tail fitted to the top calibration scores, extrapolated beyond"
        + " the largest one; fit on more rows to keep alpha within them", calibration.size(), smallest, alpha));
  }
}
