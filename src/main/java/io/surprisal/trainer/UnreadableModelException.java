package io.surprisal.trainer;

import io.surprisal.SurprisalException;

/** Published model bytes that this build cannot turn back into a model: corrupt, or another format. */
public final class UnreadableModelException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public UnreadableModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
