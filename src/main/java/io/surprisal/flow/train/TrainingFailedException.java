package io.surprisal.flow.train;

/** Training could not produce a usable model (for example, every epoch diverged). */
public final class TrainingFailedException extends RuntimeException {
  public TrainingFailedException(String message) {
    super(message);
  }
}
