package io.surprisal.detect;

import java.util.Objects;

/**
 * An event cannot be scored: it goes to the dead-letter topic with {@link #code()} and the message.
 * Thrown and caught inside the scoring step; never leaves the topology.
 */
public final class UnscorableEventException extends Exception {
  private static final long serialVersionUID = 1L;

  private final DeadLetterCode code;
  private final String feature;

  /**
   * @param feature the feature path at fault, or null when the event as a whole is
   */
  public UnscorableEventException(DeadLetterCode code, String feature, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.feature = feature;
  }

  public UnscorableEventException(DeadLetterCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.feature = null;
  }

  public DeadLetterCode code() {
    return code;
  }

  /** The feature path at fault, or null. */
  public String feature() {
    return feature;
  }
}
