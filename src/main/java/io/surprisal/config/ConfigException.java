package io.surprisal.config;

/**
 * The configuration of a command is unusable. The message is one line meant for the person who
 * wrote the configuration: it names the key, file, line or variable at fault.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
