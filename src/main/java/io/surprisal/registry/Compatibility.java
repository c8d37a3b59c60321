package io.surprisal.registry;

import java.util.Locale;

/** A schema registry compatibility level, as named by the Confluent REST API. */
public enum Compatibility {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /**
   * Parses a level name, ignoring case.
   *
   * @throws IllegalArgumentException naming the unknown level and the known ones
   */
  public static Compatibility parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown compatibility level '" + name + "'; expected one of "
              + java.util.Arrays.toString(values()), e);
    }
  }
}
