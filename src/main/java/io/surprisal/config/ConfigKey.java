package io.surprisal.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A setting the application defines: its name, type, default, documentation and validator. Keys
 * are immutable; each command declares its keys as constants of one class and {@link ConfigKeys}
 * lists them all.
 *
 * <pre>{@code
 * static final ConfigKey<Duration> RETRAIN_INTERVAL =
 *     ConfigKey.withDefault("retrain.interval", ValueType.DURATION, Duration.ofMinutes(5),
 *             "How often the trainer fits a new model.")
 *         .validatedBy(Validator.atLeast(Duration.ofSeconds(1), "1s"));
 * }</pre>
 *
 * <p>A name is lower-case words of letters and digits joined by single dots, dashes or underscores
 * ({@code retrain.interval}, {@code score.window-size}), so that it has exactly one environment
 * variable, see {@link EnvironmentMapping}.
 */
public final class ConfigKey<T> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

  private final String name;
  private final ValueType<T> type;
  private final T defaultValue;
  private final boolean required;
  private final String doc;
  private final Validator<? super T> validator;

  private ConfigKey(
      String name,
      ValueType<T> type,
      T defaultValue,
      boolean required,
      String doc,
      Validator<? super T> validator) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.defaultValue = defaultValue;
    this.required = required;
    this.doc = Objects.requireNonNull(doc, "doc");
    this.validator = validator;
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "config key name must be lower-case words joined by '.', '-' or '_', got \"" + name + "\"");
    }
    if (defaultValue != null && validator != null && !validator.accepts(defaultValue)) {
      throw new IllegalArgumentException(
          "default of '" + name + "' must be " + validator.expectation() + ", got " + defaultValue);
    }
  }

  /** A key without default that every run must set: {@link Config#get} throws if it is absent. */
  public static <T> ConfigKey<T> required(String name, ValueType<T> type, String doc) {
    return new ConfigKey<>(name, type, null, true, doc, null);
  }

  /** A key without default that may stay unset: read it with {@link Config#find}. */
  public static <T> ConfigKey<T> optional(String name, ValueType<T> type, String doc) {
    return new ConfigKey<>(name, type, null, false, doc, null);
  }

  /** A key whose value is {@code defaultValue} unless set. */
  public static <T> ConfigKey<T> withDefault(
      String name, ValueType<T> type, T defaultValue, String doc) {
    Objects.requireNonNull(defaultValue, "defaultValue");
    return new ConfigKey<>(name, type, defaultValue, false, doc, null);
  }

  /**
   * This key with a validator that every set value (and the default) must pass.
   *
   * @throws IllegalArgumentException if the default does not pass
   */
  public ConfigKey<T> validatedBy(Validator<? super T> validator) {
    Objects.requireNonNull(validator, "validator");
    return new ConfigKey<>(name, type, defaultValue, required, doc, validator);
  }

  public String name() {
    return name;
  }

  public ValueType<T> type() {
    return type;
  }

  /** The default, or empty for keys made with {@link #required} or {@link #optional}. */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** True for keys made with {@link #required}. */
  public boolean isRequired() {
    return required;
  }

  /** One or two sentences for the documentation and {@code --help}. */
  public String doc() {
    return doc;
  }

  /** The validator, or empty if any value of the type is accepted. */
  public Optional<Validator<? super T>> validator() {
    return Optional.ofNullable(validator);
  }

  @Override
  public String toString() {
    return name;
  }
}
