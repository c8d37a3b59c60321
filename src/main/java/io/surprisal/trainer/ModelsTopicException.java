package io.surprisal.trainer;

import io.surprisal.SurprisalException;

/** The models topic could not be read or written in time. */
public final class ModelsTopicException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public ModelsTopicException(String message) {
    super(message);
  }

  public ModelsTopicException(String message, Throwable cause) {
    super(message, cause);
  }
}
