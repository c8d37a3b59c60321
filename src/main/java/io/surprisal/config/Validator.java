package io.surprisal.config;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A condition a parsed value must meet. When it fails, {@link Config} reports
 * {@code 'key' must be <expectation>, got "text" (from origin)}.
 */
public interface Validator<T> {
  /** True if the value is acceptable. */
  boolean accepts(T value);

  /** The condition in words, to complete "must be ...": {@code "at least 1"}. */
  String expectation();

  /** A validator from a description and a predicate. */
  static <T> Validator<T> of(String expectation, Predicate<? super T> predicate) {
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(predicate, "predicate");
    return new Validator<>() {
      @Override
      public boolean accepts(T value) {
        return predicate.test(value);
      }

      @Override
      public String expectation() {
        return expectation;
      }
    };
  }

  /** Accepts values {@code >= min}; {@code described} is how min is written, e.g. "1s". */
  static <T extends Comparable<? super T>> Validator<T> atLeast(T min, String described) {
    return of("at least " + described, value -> value.compareTo(min) >= 0);
  }

  /** Accepts values {@code >= min}. */
  static <T extends Comparable<? super T>> Validator<T> atLeast(T min) {
    return atLeast(min, String.valueOf(min));
  }

  /** Accepts values from {@code min} to {@code max}, both included. */
  static <T extends Comparable<? super T>> Validator<T> between(T min, T max) {
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException("min " + min + " is greater than max " + max);
    }
    return of(
        "between " + min + " and " + max,
        value -> value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
  }

  /** Accepts only the given values. */
  static <T> Validator<T> oneOf(Collection<? extends T> allowed) {
    Set<T> copy = Set.copyOf(allowed);
    return of("one of " + allowed, copy::contains);
  }
}
