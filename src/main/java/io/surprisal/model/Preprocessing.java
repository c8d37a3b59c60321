package io.surprisal.model;

import io.surprisal.flow.StandardNormal;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The fitted per-feature preprocessing of a model: one {@link FeatureScaling} per feature. Active
 * features feed the flow; constant features are scored by a standard normal on their own scaled
 * value. Immutable.
 */
public final class Preprocessing {
  private final FeatureScaling[] features;
  private final int[] active;
  private final int[] passive;
  private final Whitening whitening;

  public Preprocessing(List<FeatureScaling> features) {
    this(features, null);
  }

  /**
   * @param whitening a fixed map applied to the active features after their scaling, or null
   */
  public Preprocessing(List<FeatureScaling> features, Whitening whitening) {
    if (features.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one feature");
    }
    this.features = features.toArray(FeatureScaling[]::new);
    this.active = indices(true);
    this.passive = indices(false);
    if (whitening != null && whitening.dim() != active.length) {
      throw new IllegalArgumentException("whitening has dimension " + whitening.dim() + " but " + active.length
          + " features are active");
    }
    this.whitening = whitening;
  }

  /** The whitening of the active features, if any. */
  public java.util.Optional<Whitening> whitening() {
    return java.util.Optional.ofNullable(whitening);
  }

  /** Scratch doubles that {@link #forward} needs in {@code tmp}. */
  public int scratchSize() {
    return features.length + active.length;
  }

  private int[] indices(boolean wantActive) {
    return java.util.stream.IntStream.range(0, features.length)
        .filter(j -> features[j].active() == wantActive).toArray();
  }

  public List<FeatureScaling> features() {
    return List.of(features);
  }

  /** Number of input features. */
  public int dim() {
    return features.length;
  }

  /** Number of features that go through the flow. */
  public int activeDim() {
    return active.length;
  }

  public int[] activeIndices() {
    return active.clone();
  }

  /**
   * Maps a data row to flow space: writes the active features' z into {@code z[zOff ..)} and returns
   * {@code log|det|} of the preprocessing plus the log-density of the constant features. {@code tmp}
   * must hold {@link #scratchSize()} doubles.
   *
   * @param noise dequantisation noise source for training, or null for cell centres (scoring)
   */
  public double forward(double[] x, int xOff, double[] z, int zOff, RandomGenerator noise, double[] tmp) {
    double logDet = 0;
    for (int j = 0; j < features.length; j++) {
      double u = noise == null ? 0.5 : noise.nextDouble();
      logDet += features[j].forward(x[xOff + j], u, tmp, j);
    }
    for (int j : passive) {
      logDet += -0.5 * tmp[j] * tmp[j] - StandardNormal.HALF_LOG_TWO_PI;
    }
    if (whitening == null) {
      for (int k = 0; k < active.length; k++) {
        z[zOff + k] = tmp[active[k]];
      }
      return logDet;
    }
    int a = features.length;
    for (int k = 0; k < active.length; k++) {
      tmp[a + k] = tmp[active[k]];
    }
    return logDet + whitening.forward(tmp, a, z, zOff);
  }

  /** Inverse for sampling: flow-space active values plus draws for constant features back to a data row. */
  public void inverse(double[] zActive, int zOff, RandomGenerator random, double[] x, int xOff) {
    double[] z = zActive;
    int off = zOff;
    if (whitening != null) {
      z = new double[active.length];
      off = 0;
      whitening.inverse(zActive, zOff, z, 0);
    }
    for (int k = 0; k < active.length; k++) {
      x[xOff + active[k]] = features[active[k]].inverse(z[off + k]);
    }
    for (int j : passive) {
      x[xOff + j] = features[j].inverse(random.nextGaussian());
    }
  }

  @Override
  public String toString() {
    return "Preprocessing" + Arrays.toString(features);
  }
}
