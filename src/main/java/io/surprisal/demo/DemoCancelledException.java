package io.surprisal.demo;

import io.surprisal.SurprisalException;

/** The demo was asked to stop (Ctrl-C) while it was starting; what it had started is stopped again. */
public final class DemoCancelledException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  DemoCancelledException() {
    super("the demo was stopped while it was starting");
  }
}
