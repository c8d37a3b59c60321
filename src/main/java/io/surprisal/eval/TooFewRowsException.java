package io.surprisal.eval;

import io.surprisal.SurprisalException;

/** The data has too few rows (of some kind) for what was asked of it. */
public final class TooFewRowsException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public TooFewRowsException(String message) {
    super(message);
  }
}
