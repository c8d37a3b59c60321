package io.surprisal.detect;

import io.surprisal.SurprisalException;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * The detector stopped on an error that Kafka Streams could not handle: the schema registry or the
 * brokers became unreachable, or refused the detector's credentials. The message names the cause
 * on one line; a restart resumes from the last committed offsets.
 */
public final class DetectorFailedException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  public DetectorFailedException(Throwable failure) {
    super("the detector stopped: " + describe(failure), failure);
  }

  /** The message of the innermost cause past Kafka Streams' wrappers (which add a stack trace to theirs). */
  private static String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof StreamsException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
  }
}
