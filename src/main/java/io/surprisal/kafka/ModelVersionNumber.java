package io.surprisal.kafka;

/**
 * The numbers a model version may carry on the models topic: 1 to {@link #MAX}. A record with a number
 * outside that range is refused by detectors and ignored by the trainer and {@code models rollback}
 * when they work out the next number, so that no record (accepted or not) can push the next version
 * past {@code Long.MAX_VALUE} and block every later update.
 */
public final class ModelVersionNumber {
  /**
   * The highest valid version: 10^12, a version a millisecond for over 30 years, far below the point
   * where adding one overflows.
   */
  public static final long MAX = 1_000_000_000_000L;

  private ModelVersionNumber() {}

  /** Whether {@code version} is a number a model version may carry. */
  public static boolean valid(long version) {
    return version >= 1 && version <= MAX;
  }

  /**
   * The number after {@code newest}, the highest valid version published so far (0 for none).
   *
   * @throws IllegalArgumentException if {@code newest} is not 0 and not valid
   * @throws IllegalStateException if {@code newest} is {@link #MAX}: no number is left
   */
  public static long next(long newest) {
    if (newest != 0 && !valid(newest)) {
      throw new IllegalArgumentException("version " + newest + " is outside 1.." + MAX);
    }
    if (newest == MAX) {
      throw new IllegalStateException("the models topic has reached the highest version number " + MAX
          + "; publish to a new topic or under a new model name");
    }
    return newest + 1;
  }

  /** Why {@code version} is refused, or null if it is valid. */
  public static String problem(long version) {
    return valid(version) ? null : "its version number " + version + " is outside 1.." + MAX;
  }
}
