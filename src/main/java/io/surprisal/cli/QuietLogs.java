package io.surprisal.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Raises the level of some loggers while a command runs and restores them on {@link #close()}: the
 * demo prints its own progress, which the components' INFO lines (20 epoch lines per model) and
 * Kafka's start-up warnings would bury. Does nothing when the user chose a level with
 * {@value #LEVEL_VARIABLE}.
 */
final class QuietLogs implements AutoCloseable {
  static final String LEVEL_VARIABLE = "SURPRISAL_LOG_LEVEL";

  private final Map<Logger, Level> previous = new LinkedHashMap<>();

  private QuietLogs() {}

  /**
   * Sets each named logger to its level, unless {@code userLevel} is set (non-blank).
   *
   * @param userLevel the value of {@value #LEVEL_VARIABLE}, or null
   */
  static QuietLogs apply(Map<String, Level> levels, String userLevel) {
    QuietLogs quiet = new QuietLogs();
    if (userLevel != null && !userLevel.isBlank()) {
      return quiet;
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
      return quiet; // another SLF4J binding (tests may have one): leave it alone
    }
    levels.forEach((name, level) -> {
      Logger logger = context.getLogger(name);
      quiet.previous.put(logger, logger.getLevel());
      logger.setLevel(level);
    });
    return quiet;
  }

  @Override
  public void close() {
    previous.forEach(Logger::setLevel);
  }
}
