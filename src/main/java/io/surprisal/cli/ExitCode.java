package io.surprisal.cli;

/** The exit codes of {@code surprisal}; {@link ErrorReporter} decides which failure gets which. */
public enum ExitCode {
  /** The command did what was asked. */
  OK(0),
  /**
   * The user can fix it: bad input data, a missing or unreadable file, a corrupt model. One line on
   * stderr says what and where.
   */
  USER_ERROR(1),
  /** The command line itself is wrong: unknown option, missing or malformed argument. */
  USAGE(2),
  /** A bug in surprisal (EX_SOFTWARE of sysexits.h). */
  INTERNAL_ERROR(70);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }
}
