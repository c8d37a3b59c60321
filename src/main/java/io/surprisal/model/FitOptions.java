package io.surprisal.model;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.train.TrainingConfig;
import java.util.Objects;

/**
 * Options of {@link ModelFitter}.
 *
 * @param training            flow architecture and optimisation
 * @param alpha               alert level stored with the model
 * @param calibrationFraction share of rows held out for the conformal calibration set
 * @param maxCalibrationRows  cap on calibration rows (bounds the model's size)
 * @param logTransform        symmetric-log policy for heavy-tailed features
 * @param dequantize          which lattice-valued features to dequantise
 * @param whiten              whether to whiten the features with a robust covariance before the flow
 * @param noise               training noise; its standard deviation for the data at hand replaces
 *                            {@code training.noise()}
 */
public record FitOptions(TrainingConfig training, double alpha, double calibrationFraction, int maxCalibrationRows,
    PreprocessingFit.LogTransform logTransform, PreprocessingFit.Dequantize dequantize, boolean whiten,
    TrainingNoise noise) {

  /** Default flow preset of {@code fit}. */
  public static final String DEFAULT_PRESET = "nsf";
  /** Default alert level. */
  public static final double DEFAULT_ALPHA = 0.001;

  public FitOptions {
    Objects.requireNonNull(training, "training");
    DensityModel.checkAlpha(alpha);
    if (!(calibrationFraction >= 0 && calibrationFraction < 0.9)) {
      throw new IllegalArgumentException("calibration fraction must be in [0, 0.9), got " + calibrationFraction);
    }
    if (maxCalibrationRows < 0) {
      throw new IllegalArgumentException("max calibration rows must be >= 0, got " + maxCalibrationRows);
    }
    Objects.requireNonNull(logTransform, "logTransform");
    Objects.requireNonNull(dequantize, "dequantize");
    Objects.requireNonNull(noise, "noise");
  }

  /**
   * Default training noise of {@code fit} and the trainer: {@link TrainingNoise#SELECT}, the noise
   * chosen per data set by held-out likelihood ({@link NoiseSelection}).
   */
  public static final TrainingNoise DEFAULT_NOISE = TrainingNoise.SELECT;
  /**
   * Default step budget of {@code fit}: 30,000 rows x 36 features train in under 60 s on a 2-core
   * machine (docs/benchmarks.md), and small data sets still get their 100 epochs.
   */
  public static final int DEFAULT_MAX_STEPS = 2000;

  /**
   * The defaults of {@code surprisal fit}, chosen on the ADBench development sets
   * ({@code docs/benchmarks.md}, "Detection quality"): the nsf preset, no symmetric-log transform
   * (it cost cardio several points of ROC-AUC: compressing a heavy tail also compresses the
   * distance of the anomalies in it), training noise {@code auto}, and a budget of 2,000 steps.
   */
  public static FitOptions defaults() {
    TrainingConfig training = TrainingConfig.defaults(FlowSpec.preset(DEFAULT_PRESET)).withMaxSteps(DEFAULT_MAX_STEPS);
    return new FitOptions(training, DEFAULT_ALPHA, 0.1, 10_000, PreprocessingFit.LogTransform.NEVER,
        PreprocessingFit.Dequantize.AUTO, false, DEFAULT_NOISE);
  }

  public FitOptions withTraining(TrainingConfig t) {
    return new FitOptions(t, alpha, calibrationFraction, maxCalibrationRows, logTransform, dequantize, whiten, noise);
  }

  public FitOptions withAlpha(double a) {
    return new FitOptions(training, a, calibrationFraction, maxCalibrationRows, logTransform, dequantize, whiten, noise);
  }

  public FitOptions withPreprocessing(PreprocessingFit.LogTransform log, PreprocessingFit.Dequantize dq) {
    return new FitOptions(training, alpha, calibrationFraction, maxCalibrationRows, log, dq, whiten, noise);
  }

  public FitOptions withWhitening(boolean w) {
    return new FitOptions(training, alpha, calibrationFraction, maxCalibrationRows, logTransform, dequantize, w, noise);
  }

  public FitOptions withNoise(TrainingNoise n) {
    return new FitOptions(training, alpha, calibrationFraction, maxCalibrationRows, logTransform, dequantize, whiten, n);
  }

  public FitOptions withCalibrationFraction(double f) {
    return new FitOptions(training, alpha, f, maxCalibrationRows, logTransform, dequantize, whiten, noise);
  }
}
