package io.surprisal.cli;

import ch.qos.logback.classic.Level;
import io.surprisal.demo.Confusion;
import io.surprisal.demo.Demo;
import io.surprisal.demo.DemoProgress;
import io.surprisal.demo.DemoSettings;
import io.surprisal.demo.DemoCancelledException;
import io.surprisal.demo.DemoFailedException;
import io.surprisal.generate.Simulation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code surprisal demo}: the whole pipeline on this machine ({@link Demo}) with live progress on
 * stderr, until {@code --duration} has passed or Ctrl-C; then one machine-readable line on stdout,
 * {@code summary events=N alerts=N precision=P recall=R models=V dlq=N}. If a component stopped
 * working, the demo stops too, prints the summary of what happened until then, and exits 1 saying
 * which.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs everything on 127.0.0.1: a Kafka broker (in this process), Apicurio Registry (a child process),"
          + " a generator of example events (telemetry or pump sensors) with injected anomalies, the trainer and"
          + " the detector. Prints progress (events/s, alerts, model version, precision and recall against the"
          + " generator's truth) on stderr"
          + " until --duration has passed or Ctrl-C, then one line on stdout:",
      "summary events=N alerts=N precision=P recall=R models=V dlq=N"
    })
final class DemoCommand implements Callable<Integer> {
  /** How often a progress line is printed. */
  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
  /** How long the detector may take, once the generator stopped, to score the events still queued. */
  static final Duration DRAIN = Duration.ofSeconds(15);

  /**
   * The demo prints what happens itself; the components say more with SURPRISAL_LOG_LEVEL=INFO.
   * Kafka's warnings at start-up (an empty metadata log, Streams' advice on exception handlers) are
   * expected on a new broker, so only its errors show.
   */
  private static final Map<String, Level> QUIET = Map.of("io.surprisal", Level.WARN,
      "org.apache.kafka", Level.ERROR, "kafka", Level.ERROR, "state.change.logger", Level.ERROR);

  @Spec CommandSpec spec;

  @Option(names = "--duration", paramLabel = "DURATION", converter = ModelOptions.DurationConverter.class,
      description = "Stop by itself this long after everything started (90s, 5m); default: run until Ctrl-C.")
  Duration duration;

  @Option(names = "--rate", defaultValue = "2000", description = "Events per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--anomaly-rate", defaultValue = "0.01",
      description = "Share of generated events that are anomalies (default ${DEFAULT-VALUE}).")
  double anomalyRate;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulation and the training"
      + " (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--retrain-interval", paramLabel = "DURATION", defaultValue = "15s",
      converter = ModelOptions.DurationConverter.class,
      description = "Time between retrainings once the first model exists (default ${DEFAULT-VALUE}).")
  Duration retrainInterval;

  @Option(names = "--model-events", defaultValue = "5000", description = "Events the first model needs, and new"
      + " events each later one needs (default ${DEFAULT-VALUE}).")
  int modelEvents;

  @Option(names = "--events", defaultValue = "telemetry", paramLabel = "telemetry|sensors",
      description = "Which example events: telemetry (service metrics whose anomalies are spikes, bursts and drops) or"
          + " sensors (seven correlated pump sensors whose anomalies break the correlations, every value in its"
          + " normal range) (default ${DEFAULT-VALUE}).")
  Simulation events;

  @Option(names = "--window", defaultValue = "10000",
      description = "Events the trainer keeps and fits on, the newest (default ${DEFAULT-VALUE}).")
  int window;

  @Override
  public Integer call() throws InterruptedException {
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--duration': " + duration + " (must be positive)");
    }
    DemoSettings settings;
    try {
      settings = DemoSettings.defaults().withRate(rate).withAnomalyRate(anomalyRate).withSeed(seed)
          .withRetrainInterval(retrainInterval).withTraining(modelEvents, window).withEvents(events);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid option value: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CtrlC ctrlC = new CtrlC();
    Runtime.getRuntime().addShutdownHook(ctrlC.hook);
    try (QuietLogs quiet = QuietLogs.apply(QUIET, System.getenv(QuietLogs.LEVEL_VARIABLE))) {
      err.println("surprisal demo: " + (duration == null ? "runs until Ctrl-C"
          : "runs for " + duration.toSeconds() + " s (Ctrl-C stops it earlier)"));
      Demo demo;
      try {
        demo = Demo.start(settings, err::println, ctrlC::requested);
      } catch (RuntimeException | LinkageError e) {
        // after Ctrl-C a component may also fail to start because the JVM is shutting down (Kafka's
        // static initialisers add shutdown hooks, and fail with an ExceptionInInitializerError)
        if (!(e instanceof DemoCancelledException) && !ctrlC.requested()) {
          throw e;
        }
        err.println("Ctrl-C: stopped what had started");
        out.println(new DemoProgress(Duration.ZERO, 0, Confusion.EMPTY, 0, OptionalLong.empty(), 0, 0,
            settings.minNewEvents()).summaryLine());
        return ExitCode.OK.code();
      }
      try (demo) {
        watch(demo, err, ctrlC);
        Optional<String> failure = demo.failure();
        err.println("stopping: generator, detector (scoring what is queued), trainer, registry, broker ...");
        DemoProgress last = demo.finish(DRAIN);
        err.println(DemoProgressLine.end(last));
        out.println(last.summaryLine());
        if (failure.isPresent()) {
          throw new DemoFailedException(failure.get());
        }
      }
    } finally {
      ctrlC.done();
    }
    return ExitCode.OK.code();
  }

  /**
   * Prints progress every {@link #PROGRESS_INTERVAL} until the duration has passed, Ctrl-C, or a
   * component stopped working.
   */
  private void watch(Demo demo, PrintWriter err, CtrlC ctrlC) {
    long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    DemoProgress before = demo.progress();
    while (System.nanoTime() < end) {
      long wait = Math.min(PROGRESS_INTERVAL.toNanos(), end - System.nanoTime());
      if (ctrlC.await(wait)) {
        err.println("Ctrl-C");
        return;
      }
      DemoProgress now = demo.progress();
      DemoProgressLine.modelChange(now, before).ifPresent(err::println);
      err.println(DemoProgressLine.of(now, before));
      before = now;
      if (demo.failure().isPresent()) {
        return;
      }
    }
  }

  /**
   * Ctrl-C (or SIGTERM): the JVM runs {@link #hook}, which tells the command to stop and waits until
   * the command has printed its summary and closed the demo.
   */
  private static final class CtrlC {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    CtrlC() {
      this.hook = new Thread(() -> {
        requested.countDown();
        try {
          done.await(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "surprisal-demo-shutdown");
    }

    boolean requested() {
      return requested.getCount() == 0;
    }

    /** Waits up to {@code nanos} for Ctrl-C; true if it came. */
    boolean await(long nanos) {
      try {
        return requested.await(nanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }

    void done() {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running and returns now
      }
    }
  }
}
