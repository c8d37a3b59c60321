package io.surprisal.config;

import java.nio.file.Path;

/**
 * A properties file is missing, unreadable or malformed. The message names the file and, for
 * malformed content, the line: {@code detector.properties line 7: expected key=value, got "foo"}.
 */
public final class ConfigFileException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  /** A problem with the whole file (missing, unreadable). */
  public ConfigFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.line = 0;
  }

  /** A problem on one line (1-based). */
  public ConfigFileException(Path file, int line, String problem) {
    super(file + " line " + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line at fault, or 0 if the problem concerns the whole file. */
  public int line() {
    return line;
  }
}
