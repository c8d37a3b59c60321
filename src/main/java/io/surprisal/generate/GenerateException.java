package io.surprisal.generate;

import io.surprisal.SurprisalException;

/** Generated events could not be written. */
public final class GenerateException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public GenerateException(String message, Throwable cause) {
    super(message, cause);
  }
}
