package io.surprisal.trainer;

/** Thrown on the training thread, between two epochs, when the trainer was closed: the fit stops and publishes nothing. */
final class TrainingAbandonedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TrainingAbandonedException(int epoch) {
    super("abandoned the fit after epoch " + epoch + ", publishing nothing");
  }
}
