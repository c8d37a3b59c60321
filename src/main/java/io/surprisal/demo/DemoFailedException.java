package io.surprisal.demo;

import io.surprisal.SurprisalException;

/** A component of a running demo stopped working (the message says which and why); the demo was stopped. */
public final class DemoFailedException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public DemoFailedException(String what) {
    super("the demo stopped early: " + what);
  }
}
