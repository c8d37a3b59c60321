package io.surprisal.model.codec;

import io.surprisal.SurprisalException;

/**
 * A model artifact that cannot be loaded: not a model at all, damaged, cut short, or written in a
 * format version this build does not read. The message names the file (or other source) and what
 * is wrong, for example {@code m.model: checksum mismatch: ...}.
 */
public final class CorruptModelException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the artifact. */
  public enum Reason {
    /** It does not start with the magic bytes: not a model artifact (a CSV file, say). */
    BAD_MAGIC,
    /** It ends before the header or the payload the header announces. */
    TRUNCATED,
    /** The SHA-256 of its content differs from the one recorded in it: damaged. */
    CHECKSUM_MISMATCH,
    /** Its format version is not one this build reads (usually: a newer surprisal wrote it). */
    UNSUPPORTED_VERSION,
    /** The checksum holds but the payload is not a valid model of its format version. */
    MALFORMED
  }

  private final String source;
  private final Reason reason;

  /**
   * @param source the file name or other description of where the bytes came from
   * @param reason the kind of problem
   * @param problem what is wrong, without the source
   */
  public CorruptModelException(String source, Reason reason, String problem) {
    this(source, reason, problem, null);
  }

  public CorruptModelException(String source, Reason reason, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
    this.reason = reason;
  }

  /** Where the bytes came from. */
  public String source() {
    return source;
  }

  public Reason reason() {
    return reason;
  }
}
