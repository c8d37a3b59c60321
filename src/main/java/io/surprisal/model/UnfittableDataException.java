package io.surprisal.model;

import io.surprisal.SurprisalException;

/**
 * The data given to {@link ModelFitter} cannot make a model: too few rows, or no feature that
 * varies. The user fixes it with other data, so the command line reports it as a user error.
 */
public final class UnfittableDataException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public UnfittableDataException(String message) {
    super(message);
  }
}
