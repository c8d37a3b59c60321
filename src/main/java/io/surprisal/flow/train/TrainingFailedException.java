package io.surprisal.flow.train;

import io.surprisal.SurprisalException;

/**
 * Training could not produce a usable model (for example, every epoch diverged). A user error: other
 * data or options (a smaller learning rate) fix it.
 */
public final class TrainingFailedException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public TrainingFailedException(String message) {
    super(message);
  }
}
