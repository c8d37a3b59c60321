package io.surprisal.model;

/**
 * The fitted, invertible preprocessing of one feature, {@code x -> z}:
 *
 * <pre>
 *   u = x + quantum * (1/2 at scoring | U(0,1) in training)     (DISCRETE only: uniform dequantisation)
 *   t = (u - center) / scale                                     (robust standardisation)
 *   z = sign(t) log(1 + |t|)   if symlog, else  z = t            (log transform of heavy tails)
 * </pre>
 *
 * {@code log|dz/dx| = -log(scale) - [symlog] log(1 + |t|)}, part of the model's log-likelihood, so
 * scores are densities in the original feature space. Dequantisation (Theis et al. 2016; Uria et al.
 * 2013) turns a discrete feature into a continuous one whose density at the cell centre stands for
 * the probability of the cell, which keeps a flow from collapsing onto the lattice points.
 *
 * @param type    feature type
 * @param center  median of the training values (cell-centred for discrete features)
 * @param scale   robust scale (IQR / 1.349, falling back to the standard deviation)
 * @param quantum lattice step of a discrete feature (0 otherwise)
 * @param offset  a lattice point of a discrete feature (0 otherwise)
 * @param symlog  whether the symmetric log transform is applied
 */
public record FeatureScaling(FeatureType type, double center, double scale, double quantum, double offset,
    boolean symlog) {

  public FeatureScaling {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("feature scale must be positive and finite, got " + scale);
    }
    if (!Double.isFinite(center)) {
      throw new IllegalArgumentException("feature center must be finite, got " + center);
    }
    if (type == FeatureType.DISCRETE && !(quantum > 0)) {
      throw new IllegalArgumentException("a discrete feature needs a positive quantum, got " + quantum);
    }
  }

  /** Whether the feature goes through the flow (constant features do not). */
  public boolean active() {
    return type != FeatureType.CONSTANT;
  }

  /**
   * Maps x to z with dequantisation offset {@code u01} in [0, 1) ({@code 0.5} for scoring); writes z
   * into {@code out[i]} and returns {@code log|dz/dx|}.
   */
  public double forward(double x, double u01, double[] out, int i) {
    double u = type == FeatureType.DISCRETE ? x + quantum * u01 : x;
    double t = (u - center) / scale;
    if (symlog) {
      double a = Math.abs(t);
      out[i] = Math.copySign(Math.log1p(a), t);
      return -Math.log(scale) - Math.log1p(a);
    }
    out[i] = t;
    return -Math.log(scale);
  }

  /** Inverse for sampling: z back to a feature value (discrete features land on their lattice). */
  public double inverse(double z) {
    double t = symlog ? Math.copySign(Math.expm1(Math.abs(z)), z) : z;
    double u = t * scale + center;
    if (type == FeatureType.DISCRETE) {
      return offset + quantum * Math.floor((u - offset) / quantum + 1e-9);
    }
    return u;
  }
}
