package io.surprisal.local;

import java.nio.file.Path;

/** The Apicurio Registry process exited or did not answer in time; the message has the log's tail. */
public final class ApicurioStartException extends RuntimeException {
  private final transient Path log;

  ApicurioStartException(String what, Path log, String logTail, Throwable cause) {
    super(what + " (log: " + log + ")\n--- last lines of the log ---\n" + logTail, cause);
    this.log = log;
  }

  /** The registry's log file, kept for inspection. */
  public Path log() {
    return log;
  }
}
