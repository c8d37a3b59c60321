package io.surprisal.eval.baseline;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The classic detectors that {@code evaluate --compare} knows, by the name a user types. Each sees
 * its rows {@linkplain Standardization standardised} with the training rows' mean and deviation, as
 * in the reference harness. A new detector is one more value.
 */
public enum BaselineKind {
  IFOREST(IsolationForest::new),
  KNN(KnnDistance::new),
  LOF(LocalOutlierFactor::new),
  GMM(BicGaussianMixture::new),
  RCF(AwsRandomCutForest::new);

  private final Supplier<Baseline> factory;

  BaselineKind(Supplier<Baseline> factory) {
    this.factory = factory;
  }

  /** The name on the command line and in reports: the constant's name in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A new detector of this kind, which standardises its input. */
  public Baseline create() {
    return new Standardized(factory.get());
  }
}
