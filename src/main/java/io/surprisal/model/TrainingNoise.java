package io.surprisal.model;

/**
 * The Gaussian noise added to training rows in flow space (robustly standardised units): a fixed
 * standard deviation, a regulariser, or {@code auto}, a kernel bandwidth from the size and dimension
 * of the training data (the default of {@code fit}).
 *
 * <p>Training with noise of standard deviation {@code s} fits the data's density smoothed by a
 * Gaussian kernel of width {@code s}, as a kernel density estimate with bandwidth {@code s} would.
 * {@code auto} takes Scott's rule per dimension: feature j gets {@code AUTO_FACTOR * n^(-1/(d+4))}
 * times its own spread in flow space, for {@code n} rows of {@code d} active features, a
 * deliberately smooth density; early stopping then judges the fit to that smoothed density
 * (validation rows with noise). On data with anomalies in it, a sharp density learns the anomalies
 * as modes of their own, while a smooth one keeps them in its tails: on the ADBench sets the
 * unsupervised protocol gains about nine points of ROC-AUC ({@code docs/benchmarks.md}, "Detection
 * quality"). The price: the kernel is as wide along a tight relation between features (one feature
 * a near-exact function of another) as across it, so events that break such a relation by a small
 * amount look less unusual. {@link #SHARP}, a small fixed noise, keeps such relations.
 *
 * @param sigma fixed standard deviation, used when {@code auto} is false; {@code 0} trains without noise
 * @param auto  whether the standard deviation follows from the data
 */
public record TrainingNoise(double sigma, boolean auto) {
  /** Multiple of Scott's rule that {@code auto} uses. */
  public static final double AUTO_FACTOR = 2.5;
  /** Noise levels at or above this are refused: nothing of the data would be left to learn. */
  public static final double MAX_SIGMA = 10;

  /** The automatic bandwidth. */
  public static final TrainingNoise AUTO = new TrainingNoise(0, true);
  /**
   * A small fixed noise, 0.1 standardised units: a regulariser that keeps the density sharp, for data
   * whose anomalies break tight relations between features and whose training data are clean.
   */
  public static final TrainingNoise SHARP = new TrainingNoise(0.1, false);
  /** No noise: plain maximum likelihood. */
  public static final TrainingNoise NONE = new TrainingNoise(0, false);

  public TrainingNoise {
    if (!auto && !(sigma >= 0 && sigma < MAX_SIGMA)) {
      throw new IllegalArgumentException("training noise must be in [0, " + (int) MAX_SIGMA + "), got " + sigma);
    }
  }

  /** A fixed standard deviation. */
  public static TrainingNoise fixed(double sigma) {
    return new TrainingNoise(sigma, false);
  }

  /**
   * {@code auto} or a number.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static TrainingNoise parse(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("auto")) {
      return AUTO;
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("training noise must be auto or a number in [0, "
          + (int) MAX_SIGMA + "), got '" + text + "'");
    }
    return fixed(v);
  }

  /**
   * The standard deviation for {@code rows} training rows of {@code dims} active features; for
   * {@code auto}, the bandwidth in units of each feature's spread.
   */
  public double sigma(int rows, int dims) {
    if (!auto) {
      return sigma;
    }
    return Math.min(AUTO_FACTOR * Math.pow(Math.max(rows, 1), -1.0 / (dims + 4)), MAX_SIGMA / 2);
  }

  @Override
  public String toString() {
    return auto ? "auto" : String.valueOf(sigma);
  }
}
