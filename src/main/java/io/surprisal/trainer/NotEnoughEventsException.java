package io.surprisal.trainer;

import io.surprisal.SurprisalException;

/** The window holds too few usable events to fit a model and hold some out. */
public final class NotEnoughEventsException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public NotEnoughEventsException(int kept, int excluded) {
    super("not enough events to retrain: " + kept + " usable events in the window (" + excluded
        + " left out as flagged by the current model); at least 11 are needed");
  }
}
