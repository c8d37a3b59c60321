package io.surprisal.eval;

import io.surprisal.SurprisalException;

/**
 * A ranking metric was asked of labels that are all of one class, where it is undefined: ROC-AUC
 * and average precision compare anomalies with normal rows, so they need at least one of each.
 */
public final class SingleClassException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  SingleClassException(String metric, int rows, boolean allAnomalous) {
    super(metric + " is undefined: all " + rows + " labels are "
        + (allAnomalous ? "anomalies" : "normal")
        + "; it needs at least one anomaly and one normal row");
  }
}
