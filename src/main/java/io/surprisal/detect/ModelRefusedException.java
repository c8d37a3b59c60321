package io.surprisal.detect;

/**
 * A model version cannot be used: its artifact is corrupt, or its features do not fit the input.
 * The detector logs it, counts it and keeps the model it has.
 */
public final class ModelRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long version;

  public ModelRefusedException(long version, String reason, Throwable cause) {
    super(reason, cause);
    this.version = version;
  }

  /** The refused version. */
  public long version() {
    return version;
  }
}
