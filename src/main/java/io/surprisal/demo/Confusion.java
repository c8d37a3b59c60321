package io.surprisal.demo;

/**
 * Alerts against ground truth over a set of scored events: true and false positives (alerted
 * anomalies and alerted normal events), false negatives (anomalies not alerted) and true negatives.
 *
 * @throws IllegalArgumentException if a count is negative
 */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
  /** No events. */
  public static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

  public Confusion {
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
      throw new IllegalArgumentException("counts must not be negative: tp=" + truePositives + " fp="
          + falsePositives + " fn=" + falseNegatives + " tn=" + trueNegatives);
    }
  }

  /** These counts and one more event. */
  public Confusion plus(boolean alerted, boolean anomaly) {
    return new Confusion(truePositives + (alerted && anomaly ? 1 : 0), falsePositives + (alerted && !anomaly ? 1 : 0),
        falseNegatives + (!alerted && anomaly ? 1 : 0), trueNegatives + (!alerted && !anomaly ? 1 : 0));
  }

  /** Events counted. */
  public long events() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  /** Alerted events. */
  public long alerts() {
    return truePositives + falsePositives;
  }

  /** Anomalies among the events. */
  public long anomalies() {
    return truePositives + falseNegatives;
  }

  /** Share of alerts that are anomalies: tp / (tp + fp), 0 when nothing alerted. */
  public double precision() {
    return ratio(truePositives, alerts());
  }

  /** Share of anomalies that alerted: tp / (tp + fn), 0 when there were no anomalies. */
  public double recall() {
    return ratio(truePositives, anomalies());
  }

  /** Share of normal events that alerted: fp / (fp + tn), 0 when there were none. */
  public double falsePositiveRate() {
    return ratio(falsePositives, falsePositives + trueNegatives);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }
}
