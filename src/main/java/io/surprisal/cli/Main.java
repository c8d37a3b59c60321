package io.surprisal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code surprisal} command line: the top command, whose subcommands are the
 * {@code @Command} classes listed below. Failures become exit codes in {@link ErrorReporter}.
 */
@Command(
    name = "surprisal",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Anomaly detection with normalizing-flow density models.",
    subcommands = {
      FitCommand.class,
      ScoreCommand.class,
      EvaluateCommand.class,
      SampleCommand.class,
      InspectCommand.class,
      TrainCommand.class,
      GenerateCommand.class,
      ModelsCommand.class,
      DetectCommand.class,
      DemoCommand.class
    })
public final class Main implements Runnable {
  /** Set to 1 to print the stack trace of internal errors, like {@code --verbose}. */
  static final String DEBUG_VARIABLE = "SURPRISAL_DEBUG";

  @Spec CommandSpec spec;

  /** Read by {@link ErrorReporter} from the parse result, at whatever level it was given. */
  @Option(
      names = ErrorReporter.VERBOSE_OPTION,
      scope = ScopeType.INHERIT,
      description = "On an internal error, print the stack trace.")
  boolean verbose;

  /** Whether this run's stderr is the process's terminal, where progress redraws one line. */
  private boolean errIsTerminal;

  Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line in this process.
   *
   * @return the exit code, see {@link ExitCode}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String debug = System.getenv(DEBUG_VARIABLE);
    return run(new CommandLine(new Main()), args, out, err,
        "1".equals(debug) || "true".equalsIgnoreCase(debug));
  }

  /**
   * Runs {@code commandLine}, whose subcommands are all added, with surprisal's settings and error
   * handling.
   *
   * @param debug print stack traces of internal errors as if {@code --verbose} were given
   */
  static int run(CommandLine commandLine, String[] args, PrintStream out, PrintStream err,
      boolean debug) {
    PrintWriter outWriter = new PrintWriter(out, true, out.charset());
    PrintWriter errWriter = new PrintWriter(err, true, err.charset());
    ErrorReporter reporter = new ErrorReporter(errWriter, debug);
    if (commandLine.getCommand() instanceof Main main) {
      main.errIsTerminal = err == System.err && ProgressBar.hasTerminal();
    }
    commandLine
        .setOut(outWriter)
        .setErr(errWriter)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(reporter)
        .setExecutionExceptionHandler(reporter);
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      return reporter.handleOutOfMemory(e);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /**
   * A progress bar on this run's stderr: redrawn in place on a terminal, otherwise a line at the
   * start and then at most every {@link ProgressBar#LOG_INTERVAL}.
   */
  ProgressBar progressBar() {
    return new ProgressBar(spec.commandLine().getErr(), errIsTerminal,
        errIsTerminal ? ProgressBar.TERMINAL_INTERVAL : ProgressBar.LOG_INTERVAL, System::nanoTime);
  }

  /** Without a subcommand there is nothing to do. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }
}
