package io.surprisal.flow.layer;

import io.surprisal.flow.Bijection;

/**
 * Per-feature affine normalisation {@code y = x * exp(a) + b} (Kingma and Dhariwal, "Glow", 2018).
 *
 * <p>{@code log|det J| = sum_i a_i}, constant in x. Trained with data-dependent initialisation, so
 * its first output on the training data has zero mean and unit variance per feature.
 */
public final class ActNorm implements Bijection {
  private final double[] logScale;
  private final double[] shift;
  private final double[] scale;
  private final double[] invScale;
  private final double logDet;

  public ActNorm(double[] logScale, double[] shift) {
    if (logScale.length != shift.length || logScale.length == 0) {
      throw new IllegalArgumentException("ActNorm needs equal, non-empty log-scale and shift arrays, got "
          + logScale.length + " and " + shift.length);
    }
    this.logScale = logScale.clone();
    this.shift = shift.clone();
    this.scale = new double[logScale.length];
    this.invScale = new double[logScale.length];
    double sum = 0;
    for (int i = 0; i < logScale.length; i++) {
      scale[i] = Math.exp(logScale[i]);
      invScale[i] = Math.exp(-logScale[i]);
      sum += logScale[i];
    }
    this.logDet = sum;
  }

  public double[] logScale() {
    return logScale.clone();
  }

  public double[] shift() {
    return shift.clone();
  }

  @Override
  public int dim() {
    return logScale.length;
  }

  @Override
  public double forward(double[] x, int xOff, double[] y, int yOff, double[] work) {
    for (int i = 0; i < scale.length; i++) {
      y[yOff + i] = x[xOff + i] * scale[i] + shift[i];
    }
    return logDet;
  }

  @Override
  public void inverse(double[] y, int yOff, double[] x, int xOff, double[] work) {
    for (int i = 0; i < scale.length; i++) {
      x[xOff + i] = (y[yOff + i] - shift[i]) * invScale[i];
    }
  }
}
