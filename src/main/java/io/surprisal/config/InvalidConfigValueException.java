package io.surprisal.config;

/**
 * A key's value cannot be parsed or fails its validator:
 * {@code 'retrain.interval' must be a duration like 30s or 5m, got "abc" (from trainer.properties line 4)}.
 */
public final class InvalidConfigValueException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public InvalidConfigValueException(
      String key, String expectation, String text, String origin, Throwable cause) {
    super("'" + key + "' must be " + expectation + ", got \"" + text + "\" (from " + origin + ")", cause);
    this.key = key;
  }

  /** The name of the key with the bad value. */
  public String key() {
    return key;
  }
}
