package io.surprisal.model;

/** An event's feature vector cannot be scored: wrong length, NaN or infinite value. */
public final class InvalidFeatureException extends IllegalArgumentException {
  private final String feature;

  public InvalidFeatureException(String feature, String message) {
    super(message);
    this.feature = feature;
  }

  /** The offending feature's name, or null when the problem is the vector as a whole. */
  public String feature() {
    return feature;
  }
}
