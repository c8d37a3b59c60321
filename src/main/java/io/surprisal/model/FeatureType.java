package io.surprisal.model;

/** How a feature's values are distributed, which decides its preprocessing. */
public enum FeatureType {
  /** Real-valued. */
  CONTINUOUS,
  /** Takes values on a lattice {@code offset + k * quantum} (integers, counts, rounded readings): dequantised. */
  DISCRETE,
  /** Took a single value in the training data: modelled by a narrow Gaussian outside the flow. */
  CONSTANT
}
