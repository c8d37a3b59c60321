package io.surprisal;

/**
 * Base of the errors that a user can cause and fix: bad input data, a corrupt or incompatible model
 * file, a data set too small for what was asked.
 *
 * <p>The command line reports these with exit code 1 and their message on one line, without a stack
 * trace, so a subclass's message must say what was wrong and where (file, line, column, value) in
 * words a user understands. Programming errors are not {@code SurprisalException}s: they are
 * reported as internal errors (exit code 70).
 */
public abstract class SurprisalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected SurprisalException(String message) {
    super(message);
  }

  protected SurprisalException(String message, Throwable cause) {
    super(message, cause);
  }
}
