package io.surprisal.config;

/** A required key has no value; the message says where it can be set. */
public final class MissingConfigException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public MissingConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The name of the missing key. */
  public String key() {
    return key;
  }
}
