package io.surprisal.cli;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Shows the progress of a long step (training epochs, events scored) on one line of stderr:
 * {@code epoch 12/100 [##                  ] val NLL 3.21}.
 *
 * <p>On a terminal the line is redrawn in place with {@code \r}, at most every {@link
 * #TERMINAL_INTERVAL}. Elsewhere (a log file, CI) a plain line is printed for the first update and
 * then at most once per {@code interval}, so logs stay short. {@link #finish} always prints the last
 * line, ended by a line break. Not thread-safe: call it from the thread doing the work.
 */
public final class ProgressBar {
  /** How often a terminal line is redrawn at most. */
  public static final Duration TERMINAL_INTERVAL = Duration.ofMillis(100);
  /** How often a plain line is printed at most, by {@link #onStderr()}. */
  public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

  private static final int BAR_WIDTH = 20;

  private final PrintWriter out;
  private final boolean terminal;
  private final long intervalNanos;
  private final LongSupplier nanoClock;

  private String label = "";
  private long total;
  private long done;
  private boolean printedSinceStart;
  private long lastPrintNanos;
  private int lastLength;

  /**
   * @param out where to draw, normally stderr
   * @param terminal redraw one line in place, rather than print new lines
   * @param interval the least time between two lines (or redraws)
   * @param nanoClock the time in nanoseconds, {@code System::nanoTime} but for tests
   */
  public ProgressBar(PrintStream out, boolean terminal, Duration interval, LongSupplier nanoClock) {
    this(new PrintWriter(out, false, out.charset()), terminal, interval, nanoClock);
  }

  /** As the {@link PrintStream} constructor, drawing on a writer (a command's stderr). */
  public ProgressBar(PrintWriter out, boolean terminal, Duration interval, LongSupplier nanoClock) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative: " + interval);
    }
    this.out = out;
    this.terminal = terminal;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  /** A progress bar on {@code System.err} that redraws in place if the process has a terminal. */
  public static ProgressBar onStderr() {
    boolean terminal = hasTerminal();
    return new ProgressBar(System.err, terminal, terminal ? TERMINAL_INTERVAL : LOG_INTERVAL,
        System::nanoTime);
  }

  /**
   * Begins a new step.
   *
   * @param total the number of units of work, or 0 if unknown (then no bar is drawn)
   * @param label what is counted, such as "epoch"
   */
  public void start(long total, String label) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be 0 (unknown) or more: " + total);
    }
    this.total = total;
    this.label = label;
    this.done = 0;
    this.printedSinceStart = false;
    this.lastLength = 0;
  }

  /**
   * Records that {@code done} units are complete; draws the line if it is time to.
   *
   * @param detail shown after the bar, such as "val NLL 3.21"; may be empty
   */
  public void update(long done, String detail) {
    this.done = done;
    long now = nanoClock.getAsLong();
    if (printedSinceStart && now - lastPrintNanos < intervalNanos) {
      return;
    }
    printedSinceStart = true;
    lastPrintNanos = now;
    draw(render(detail), false);
  }

  /** Draws the final line with {@code summary} after the bar and ends it. */
  public void finish(String summary) {
    draw(render(summary), true);
    printedSinceStart = false;
    lastLength = 0;
  }

  String render(String detail) {
    StringBuilder line = new StringBuilder(label).append(' ').append(done);
    if (total > 0) {
      line.append('/').append(total).append(" [");
      int filled = (int) Math.min(BAR_WIDTH, Math.max(0, done * BAR_WIDTH / total));
      line.append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append(']');
    }
    if (!detail.isEmpty()) {
      line.append(' ').append(detail);
    }
    return line.toString();
  }

  private void draw(String line, boolean last) {
    if (terminal) {
      // pad with spaces to wipe the rest of a longer previous line
      int pad = Math.max(0, lastLength - line.length());
      out.print('\r' + line + " ".repeat(pad) + (last ? "\n" : ""));
      lastLength = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /**
   * Whether the process is attached to a terminal. {@link System#console()} is null when stdin or
   * stdout is redirected up to Java 21; from Java 22 it may be non-null anyway, and {@code
   * Console.isTerminal()} tells, so it is called where it exists (by reflection: we compile for 21).
   */
  static boolean hasTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
