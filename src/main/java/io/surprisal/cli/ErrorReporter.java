package io.surprisal.cli;

import io.surprisal.SurprisalException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that turns a failure into an exit code and a message on stderr.
 *
 * <table>
 *   <caption>failures and what the user sees</caption>
 *   <tr><th>failure</th><th>exit</th><th>stderr</th></tr>
 *   <tr><td>picocli {@link ParameterException} (unknown option, bad value)</td><td>2</td>
 *       <td>{@code error: <picocli's message>}, suggestions, and a hint to run --help</td></tr>
 *   <tr><td>{@link SurprisalException} (bad CSV, corrupt model, ...)</td><td>1</td>
 *       <td>{@code error: <its message>}</td></tr>
 *   <tr><td>our and Kafka's {@code ConfigException} (missing or bad setting)</td>
 *       <td>1</td><td>{@code error: <its message>}, which names the key</td></tr>
 *   <tr><td>{@link NoSuchFileException}</td><td>1</td><td>{@code error: file not found: X}</td></tr>
 *   <tr><td>{@link AccessDeniedException}</td><td>1</td>
 *       <td>{@code error: permission denied: X}</td></tr>
 *   <tr><td>{@link FileAlreadyExistsException}, {@link NotDirectoryException}</td><td>1</td>
 *       <td>{@code error: file already exists: X}, {@code error: not a directory: X}</td></tr>
 *   <tr><td>other {@link FileSystemException}</td><td>1</td><td>{@code error: X: reason}</td></tr>
 *   <tr><td>other {@link IOException}</td><td>1</td><td>{@code error: I/O error: message}</td></tr>
 *   <tr><td>{@link OutOfMemoryError}</td><td>1</td>
 *       <td>{@code error: out of memory (...); give Java a larger heap with SURPRISAL_JAVA_OPTS=-Xmx<size>}</td></tr>
 *   <tr><td>anything else: a bug</td><td>70</td>
 *       <td>{@code internal error: <type>: <message>}, and the stack trace with --verbose or
 *       SURPRISAL_DEBUG=1</td></tr>
 * </table>
 *
 * <p>An {@link UncheckedIOException}, {@link CompletionException} or {@link ExecutionException} is
 * judged by its cause. User errors never print a stack trace: their message must be enough.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final String VERBOSE_OPTION = "--verbose";

  private final PrintWriter err;
  private final boolean debug;

  /**
   * @param err where messages go
   * @param debug print stack traces of internal errors even without {@code --verbose}
   */
  ErrorReporter(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    err.println("error: " + oneLine(String.valueOf(ex.getMessage())));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    Throwable failure = unwrap(ex);
    String userMessage = userMessage(failure);
    if (userMessage != null) {
      err.println("error: " + userMessage);
      err.flush();
      return ExitCode.USER_ERROR.code();
    }
    boolean trace = showStackTrace(parsed);
    err.println("internal error: " + oneLine(failure.toString()) + " (a bug in surprisal"
        + (trace ? ")" : "; run with --verbose or SURPRISAL_DEBUG=1 to see the stack trace)"));
    if (trace) {
      failure.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL_ERROR.code();
  }

  /**
   * Running out of heap is not a bug but a too-large input for the heap (fit and evaluate hold their
   * data in memory): one line that says how to give Java more, exit code 1. picocli passes Errors
   * through, so {@link Main} calls this.
   */
  int handleOutOfMemory(OutOfMemoryError error) {
    err.println("error: out of memory (" + oneLine(String.valueOf(error.getMessage())) + "); give Java a larger"
        + " heap with SURPRISAL_JAVA_OPTS=-Xmx<size> (now " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB), or use less data");
    err.flush();
    return ExitCode.USER_ERROR.code();
  }

  /** The message for a failure the user can fix, or null if it is a bug. */
  static String userMessage(Throwable failure) {
    if (failure instanceof SurprisalException || failure instanceof io.surprisal.config.ConfigException) {
      return oneLine(failure.getMessage());
    }
    if (failure instanceof org.apache.kafka.common.config.ConfigException) {
      // a setting that the Kafka or schema registry clients read is missing or bad: the message names it
      return oneLine(failure.getMessage());
    }
    if (failure instanceof FileSystemException e && e.getFile() != null) {
      return switch (e) {
        case NoSuchFileException missing -> "file not found: " + missing.getFile();
        case AccessDeniedException denied -> "permission denied: " + denied.getFile();
        case FileAlreadyExistsException exists -> "file already exists: " + exists.getFile();
        case NotDirectoryException notDirectory -> "not a directory: " + notDirectory.getFile();
        default -> e.getFile() + ": " + (e.getReason() != null ? oneLine(e.getReason())
            : e.getClass().getSimpleName());
      };
    }
    if (failure instanceof IOException e) {
      return "I/O error: " + oneLine(String.valueOf(e.getMessage()));
    }
    return null;
  }

  private static Throwable unwrap(Throwable failure) {
    while ((failure instanceof UncheckedIOException
            || failure instanceof CompletionException
            || failure instanceof ExecutionException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    return failure;
  }

  private boolean showStackTrace(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(VERBOSE_OPTION)) {
        return true;
      }
    }
    return debug;
  }

  /**
   * Longest error text printed whole: a message can quote hostile input (a 64 MiB column name gave a
   * 67 MB line), so what is longer is cut, saying how much was left out.
   */
  static final int MAX_MESSAGE = 400;

  /** The text on one line, at most {@link #MAX_MESSAGE} characters of it. */
  static String oneLine(String text) {
    String line = text.length() > MAX_MESSAGE
        ? text.substring(0, MAX_MESSAGE) + " ... (" + (text.length() - MAX_MESSAGE) + " more characters)"
        : text;
    return line.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
