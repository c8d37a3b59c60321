package io.surprisal.model;

import java.util.List;
import java.util.Objects;

/**
 * The Gaussian noise added to training rows in flow space (robustly standardised units): a fixed
 * standard deviation (a regulariser), a kernel bandwidth from the size and dimension of the training
 * data, or {@link #SELECT}, the default: the bandwidth chosen per data set by held-out likelihood.
 *
 * <p>Training with noise of standard deviation {@code s} fits the data's density smoothed by a
 * Gaussian kernel of width {@code s}, as a kernel density estimate with bandwidth {@code s} would.
 * A bandwidth takes Scott's rule per dimension: feature j gets {@code factor * n^(-1/(d+4))} times
 * its own spread in flow space, for {@code n} rows of {@code d} active features; early stopping then
 * judges the fit to that smoothed density (validation rows with noise). A smooth density keeps
 * anomalies in its tails even when they are part of the training data, but it is as wide along a
 * tight relation between features (one feature a near-exact function of another) as across it, so
 * events that break such a relation by a small amount look less unusual. {@link #SHARP}, a small
 * fixed noise, keeps such relations. Which one a data set needs follows from the data: {@link
 * #SELECT} trains the candidates of {@link #GRID} and keeps the one whose density predicts held-out
 * rows best ({@link NoiseSelection}).
 *
 * @param kind  fixed, bandwidth or select
 * @param value the standard deviation of a fixed noise, the multiple of Scott's rule of a bandwidth;
 *              0 for select
 */
public record TrainingNoise(Kind kind, double value) {
  /** What a {@link TrainingNoise} is. */
  public enum Kind {
    /** A fixed standard deviation for every feature: a regulariser. */
    FIXED,
    /** A kernel bandwidth: a multiple of Scott's rule times each feature's spread. */
    BANDWIDTH,
    /** One of {@link #GRID}, chosen by held-out likelihood. */
    SELECT
  }

  /** Multiple of Scott's rule that {@code auto} uses. */
  public static final double AUTO_FACTOR = 2.5;
  /** Noise levels at or above this are refused: nothing of the data would be left to learn. */
  public static final double MAX_SIGMA = 10;

  /** The bandwidth {@code auto}: {@value #AUTO_FACTOR} times Scott's rule, a deliberately smooth density. */
  public static final TrainingNoise AUTO = new TrainingNoise(Kind.BANDWIDTH, AUTO_FACTOR);
  /**
   * A small fixed noise, 0.1 standardised units: a regulariser that keeps the density sharp, for data
   * whose anomalies break tight relations between features.
   */
  public static final TrainingNoise SHARP = new TrainingNoise(Kind.FIXED, 0.1);
  /** No noise: plain maximum likelihood. */
  public static final TrainingNoise NONE = new TrainingNoise(Kind.FIXED, 0);
  /** The choice by held-out likelihood among {@link #GRID}: the default of {@code fit} and the trainer. */
  public static final TrainingNoise SELECT = new TrainingNoise(Kind.SELECT, 0);
  /**
   * The candidates of {@link #SELECT}, from the sharpest to the smoothest: the sharp regulariser and
   * Scott's rule times 0.5, 1 and {@value #AUTO_FACTOR}, a factor of two to two and a half apart, as
   * a GMM tries 1, 2, 4 and 8 components.
   */
  public static final List<TrainingNoise> GRID = List.of(SHARP, bandwidth(0.5), bandwidth(1), AUTO);

  public TrainingNoise {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case FIXED -> {
        if (!(value >= 0 && value < MAX_SIGMA)) {
          throw new IllegalArgumentException("training noise must be in [0, " + (int) MAX_SIGMA + "), got " + value);
        }
      }
      case BANDWIDTH -> {
        if (!(value > 0 && value < MAX_SIGMA)) {
          throw new IllegalArgumentException("bandwidth factor must be in (0, " + (int) MAX_SIGMA + "), got " + value);
        }
      }
      case SELECT -> {
        if (value != 0) {
          throw new IllegalArgumentException("select takes no value, got " + value);
        }
      }
    }
  }

  /** A fixed standard deviation. */
  public static TrainingNoise fixed(double sigma) {
    return new TrainingNoise(Kind.FIXED, sigma);
  }

  /** A kernel bandwidth of {@code factor} times Scott's rule. */
  public static TrainingNoise bandwidth(double factor) {
    return new TrainingNoise(Kind.BANDWIDTH, factor);
  }

  /**
   * {@code select}, {@code auto} or a number.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static TrainingNoise parse(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("select")) {
      return SELECT;
    }
    if (t.equalsIgnoreCase("auto")) {
      return AUTO;
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("training noise must be select, auto or a number in [0, "
          + (int) MAX_SIGMA + "), got '" + text + "'");
    }
    return fixed(v);
  }

  /** Whether the noise is a kernel bandwidth (the flow fits the smoothed density) rather than a regulariser. */
  public boolean smoothing() {
    return kind == Kind.BANDWIDTH;
  }

  /** Whether this is {@link #SELECT}. */
  public boolean select() {
    return kind == Kind.SELECT;
  }

  /** The settings to train: {@link #GRID} for {@link #SELECT}, else this one. */
  public List<TrainingNoise> candidates() {
    return select() ? GRID : List.of(this);
  }

  /**
   * The standard deviation for {@code rows} training rows of {@code dims} active features; for a
   * bandwidth, in units of each feature's spread.
   *
   * @throws IllegalStateException for {@link #SELECT}, which is not one noise
   */
  public double sigma(int rows, int dims) {
    return switch (kind) {
      case FIXED -> value;
      case BANDWIDTH -> Math.min(value * Math.pow(Math.max(rows, 1), -1.0 / (dims + 4)), MAX_SIGMA / 2);
      case SELECT -> throw new IllegalStateException("select is a choice among noises, not one noise");
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case FIXED -> String.valueOf(value);
      case BANDWIDTH -> value == AUTO_FACTOR ? "auto" : "scott x " + value;
      case SELECT -> "select";
    };
  }
}
