package io.surprisal.flow.train;

import io.surprisal.flow.FlowSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that decides a training run. Same config and seed on the same data give the same
 * model.
 *
 * @param spec               architecture
 * @param maxEpochs          upper bound on passes over the training rows
 * @param batchSize          rows per Adam step
 * @param learningRate       Adam step size
 * @param clipNorm           global gradient-norm clip (0 disables)
 * @param validationFraction share of rows held out for early stopping
 * @param maxValidationRows  cap on held-out rows
 * @param patience           epochs without validation improvement before stopping (capped at the
 *                           epochs that hold about 400 optimiser steps, at least 3)
 * @param seed               seeds initialisation, permutations, shuffling, splits and noise
 * @param timeBudget         stop after this much wall time (keeps the best model so far); null: none
 * @param trimFraction       after warm-up, drop this share of highest-NLL training rows each epoch
 *                           (robustness to contaminated data); early stopping then leaves out the
 *                           same share of highest-NLL validation rows; 0 disables
 * @param trimWarmupEpochs   epochs trained on all rows before trimming starts
 * @param noise              standard deviation of Gaussian noise added to every training batch in
 *                           flow space (noise regularisation, Rothfuss et al. 2019); 0 disables
 * @param maxSteps           step budget: train at most the epochs that hold about this many optimiser
 *                           steps (unlike a time budget, the same on every machine); 0: none
 * @param smoothing          whether the noise is a kernel bandwidth rather than a regulariser: each
 *                           feature's noise is then {@code noise} times the feature's spread (Scott's
 *                           rule per dimension), the flow is meant to fit the data's density smoothed
 *                           by that kernel, and early stopping judges validation rows with noise
 *                           added, as training sees them (a fixed draw); as a regulariser the noise is
 *                           {@code noise} for every feature and validation rows are taken as they are
 */
public record TrainingConfig(
    FlowSpec spec, int maxEpochs, int batchSize, double learningRate, double clipNorm,
    double validationFraction, int maxValidationRows, int patience, long seed, Duration timeBudget,
    double trimFraction, int trimWarmupEpochs, double noise, int maxSteps, boolean smoothing) {

  public TrainingConfig {
    Objects.requireNonNull(spec, "spec");
    check(maxEpochs >= 1, "epochs must be >= 1, got " + maxEpochs);
    check(batchSize >= 1, "batch size must be >= 1, got " + batchSize);
    check(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1), got " + learningRate);
    check(clipNorm >= 0, "gradient clip norm must be >= 0, got " + clipNorm);
    check(validationFraction >= 0 && validationFraction < 0.9,
        "validation fraction must be in [0, 0.9), got " + validationFraction);
    check(maxValidationRows >= 0, "max validation rows must be >= 0, got " + maxValidationRows);
    check(patience >= 1, "patience must be >= 1, got " + patience);
    check(timeBudget == null || !timeBudget.isNegative() && !timeBudget.isZero(),
        "time budget must be positive, got " + timeBudget);
    check(trimFraction >= 0 && trimFraction < 0.5, "trim fraction must be in [0, 0.5), got " + trimFraction);
    check(trimWarmupEpochs >= 0, "trim warm-up epochs must be >= 0, got " + trimWarmupEpochs);
    check(noise >= 0 && noise < 10, "training noise must be in [0, 10), got " + noise);
    check(maxSteps >= 0, "max steps must be >= 0, got " + maxSteps);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Defaults for a spec. */
  public static TrainingConfig defaults(FlowSpec spec) {
    return new TrainingConfig(spec, 100, 256, 1e-3, 5.0, 0.1, 5000, 10, 0, null, 0.0, 5, 0.0, 0, false);
  }

  public TrainingConfig withSpec(FlowSpec s) {
    return new TrainingConfig(s, maxEpochs, batchSize, learningRate, clipNorm, validationFraction,
        maxValidationRows, patience, seed, timeBudget, trimFraction, trimWarmupEpochs, noise, maxSteps, smoothing);
  }

  public TrainingConfig withEpochs(int e) {
    return new TrainingConfig(spec, e, batchSize, learningRate, clipNorm, validationFraction,
        maxValidationRows, patience, seed, timeBudget, trimFraction, trimWarmupEpochs, noise, maxSteps, smoothing);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(spec, maxEpochs, batchSize, learningRate, clipNorm, validationFraction,
        maxValidationRows, patience, s, timeBudget, trimFraction, trimWarmupEpochs, noise, maxSteps, smoothing);
  }

  public TrainingConfig withTimeBudget(Duration d) {
    return new TrainingConfig(spec, maxEpochs, batchSize, learningRate, clipNorm, validationFraction,
        maxValidationRows, patience, seed, d, trimFraction, trimWarmupEpochs, noise, maxSteps, smoothing);
  }

  public TrainingConfig withTrim(double fraction, int warmupEpochs) {
    return new TrainingConfig(spec, maxEpochs, batchSize, learningRate, clipNorm, validationFraction,
        maxValidationRows, patience, seed, timeBudget, fraction, warmupEpochs, noise, maxSteps, smoothing);
  }

  public TrainingConfig withBatchSize(int b) {
    return new TrainingConfig(spec, maxEpochs, b, learningRate, clipNorm, validationFraction,
        maxValidationRows, patience, seed, timeBudget, trimFraction, trimWarmupEpochs, noise, maxSteps, smoothing);
  }

  public TrainingConfig withLearningRate(double lr) {
    return new TrainingConfig(spec, maxEpochs, batchSize, lr, clipNorm, validationFraction,
        maxValidationRows, patience, seed, timeBudget, trimFraction, trimWarmupEpochs, noise, maxSteps, smoothing);
  }

  public TrainingConfig withPatience(int p) {
    return new TrainingConfig(spec, maxEpochs, batchSize, learningRate, clipNorm, validationFraction,
        maxValidationRows, p, seed, timeBudget, trimFraction, trimWarmupEpochs, noise, maxSteps, smoothing);
  }

  /** Noise {@code sigma} as a kernel bandwidth (see {@link #smoothing()}) or as a regulariser. */
  public TrainingConfig withNoise(double sigma, boolean asBandwidth) {
    return new TrainingConfig(spec, maxEpochs, batchSize, learningRate, clipNorm, validationFraction,
        maxValidationRows, patience, seed, timeBudget, trimFraction, trimWarmupEpochs, sigma, maxSteps, asBandwidth);
  }

  public TrainingConfig withValidationFraction(double f) {
    return new TrainingConfig(spec, maxEpochs, batchSize, learningRate, clipNorm, f,
        maxValidationRows, patience, seed, timeBudget, trimFraction, trimWarmupEpochs, noise, maxSteps, smoothing);
  }

  public TrainingConfig withMaxSteps(int steps) {
    return new TrainingConfig(spec, maxEpochs, batchSize, learningRate, clipNorm, validationFraction,
        maxValidationRows, patience, seed, timeBudget, trimFraction, trimWarmupEpochs, noise, steps, smoothing);
  }

  /** Optimiser steps in one epoch over {@code rows} rows (a last batch under a quarter is skipped). */
  public int stepsPerEpoch(int rows) {
    int full = rows / batchSize;
    if (full == 0) {
      return rows > 0 ? 1 : 0;
    }
    return full + (rows % batchSize >= Math.max(2, batchSize / 4) ? 1 : 0);
  }

  /** The epochs to train on {@code rows} rows: {@link #maxEpochs}, or fewer under the step budget. */
  public int epochLimit(int rows) {
    if (maxSteps == 0) {
      return maxEpochs;
    }
    int perEpoch = Math.max(1, stepsPerEpoch(rows));
    return (int) Math.max(1, Math.min(maxEpochs, ((long) maxSteps + perEpoch - 1) / perEpoch));
  }
}
