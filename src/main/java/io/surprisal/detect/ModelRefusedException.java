package io.surprisal.detect;

/**
 * A model version cannot be used: its artifact is corrupt, or its features do not fit the input.
 * The detector logs it, counts it and keeps the model it has.
 */
final class ModelRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long version;

  ModelRefusedException(long version, String reason, Throwable cause) {
    super(reason, cause);
    this.version = version;
  }

  /** The refused version. */
  long version() {
    return version;
  }
}
