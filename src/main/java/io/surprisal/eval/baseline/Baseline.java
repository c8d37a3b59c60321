package io.surprisal.eval.baseline;

/**
 * A classic anomaly detector that {@code evaluate --compare} runs beside the flow: fitted on the
 * training rows of a split, it scores the test rows, higher = more anomalous. Implementations are
 * deterministic for a given seed and never keep a reference to the rows they were given.
 */
public interface Baseline {

  /**
   * @param train the training rows, each of the same length, at least one
   * @param seed the seed of every random choice of the fit
   * @return the fitted detector
   * @throws IllegalArgumentException if there are no rows, or rows differ in length
   */
  FittedBaseline fit(double[][] train, long seed);
}
