package io.surprisal.demo;

import io.surprisal.detect.Detector;
import io.surprisal.local.ApicurioRegistry;
import io.surprisal.local.EmbeddedKafka;
import io.surprisal.trainer.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on this machine, for {@code surprisal demo} and its tests: a Kafka broker in
 * this JVM, Apicurio Registry as a child process, the {@link DemoTopics}, a {@link Trainer}, a
 * {@link Detector} that also writes every score, the {@link EventGenerator} and a
 * {@link GroundTruthMonitor} that judges the detector's output against the generator's truth.
 *
 * <pre>{@code
 * try (Demo demo = Demo.start(DemoSettings.defaults(), System.err::println)) {
 *   ... demo.progress() ...
 *   System.out.println(demo.finish(Duration.ofSeconds(10)).summaryLine());
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops everything in reverse order of start, kills the registry's process tree
 * and deletes the broker's and Kafka Streams' folders. A start cancelled (Ctrl-C) or failed part
 * way closes what it had started.
 */
public final class Demo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

  private final DemoSettings settings;
  private final DemoTopics topics = DemoTopics.DEFAULT;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean closed = new AtomicBoolean();
  private EmbeddedKafka kafka;
  private ApicurioRegistry registry;
  private Path stateDir;
  private Trainer trainer;
  private Detector detector;
  private GroundTruthMonitor monitor;
  private EventGenerator generator;

  private Demo(DemoSettings settings) {
    this.settings = settings;
  }

  /** Starts every component, see {@link #start(DemoSettings, Consumer, BooleanSupplier)}; cannot be cancelled. */
  public static Demo start(DemoSettings settings, Consumer<String> say) {
    return start(settings, say, () -> false);
  }

  /**
   * Starts every component and returns once events flow; {@code say} receives a line as each
   * component is started. Between two components (and while waiting for the registry) it asks
   * {@code cancelled}: a component is never interrupted half-started, which would leave the broker
   * logging errors about its half-written files.
   *
   * @throws DemoStartException if a component does not start
   * @throws DemoCancelledException if {@code cancelled} said so; what was started is stopped
   */
  public static Demo start(DemoSettings settings, Consumer<String> say, BooleanSupplier cancelled) {
    Demo demo = new Demo(settings);
    try {
      demo.startAll(say, cancelled);
      return demo;
    } catch (RuntimeException | Error e) {
      demo.close();
      throw e;
    }
  }

  private void startAll(Consumer<String> say, BooleanSupplier cancelled) {
    say.accept("starting Apicurio Registry (a child process, in-memory storage) and a Kafka broker (KRaft, in"
        + " this process) ...");
    // The registry's JVM boots on its own while this one starts the broker.
    CompletableFuture<ApicurioRegistry> pendingRegistry = CompletableFuture.supplyAsync(ApicurioRegistry::start,
        task -> {
          Thread thread = new Thread(task, "surprisal-demo-registry-start");
          thread.setDaemon(true);
          thread.start();
        });
    try {
      kafka = step("the Kafka broker", EmbeddedKafka::start);
      say.accept("  Kafka at " + kafka.bootstrapServers() + ", ready after " + seconds());
      registry = step("Apicurio Registry", () -> awaitRegistry(pendingRegistry, cancelled));
      say.accept("  registry at " + registry.url() + " (pid " + registry.pid() + "), ready after " + seconds());
    } finally {
      if (registry == null) { // stop it once it is up, if it ever is
        pendingRegistry.thenAccept(ApicurioRegistry::close);
      }
    }
    checkNotCancelled(cancelled);
    step("the topics", () -> {
      topics.create(kafka, settings.inputPartitions());
      return topics;
    });
    say.accept("topics: " + topics.describe(settings.inputPartitions()));
    stateDir = step("the detector's state folder", () -> Files.createTempDirectory("surprisal-demo-streams-"));
    checkNotCancelled(cancelled);
    step("the trainer", () -> {
      trainer = new Trainer(ComponentSettings.trainer(settings, topics, clientConfig()));
      trainer.start();
      return trainer;
    });
    say.accept(String.format(Locale.ROOT, "trainer: first model after %d events, then every %d s with %d new"
            + " events, on the newest %d", settings.minNewEvents(), settings.retrainInterval().toSeconds(),
        settings.minNewEvents(), settings.windowSize()));
    checkNotCancelled(cancelled);
    step("the detector", () -> {
      detector = Detector.create(ComponentSettings.detector(topics, clientConfig(), stateDir));
      detector.start();
      return detector;
    });
    say.accept("detector: alerts at p-value <= the model's alpha to " + topics.alerts() + ", every score to "
        + topics.scores());
    checkNotCancelled(cancelled);
    Map<String, Object> clients = clientConfig();
    monitor = GroundTruthMonitor.start(clients, registry.url(), topics);
    generator = EventGenerator.start(clients, topics.input(), settings);
    say.accept(String.format(Locale.ROOT, "generator: %s, %.0f events/s, %.1f%% anomalies (seed %d), truth in the"
        + " surprisal.truth header", settings.events().name().toLowerCase(Locale.ROOT), settings.rate(),
        100 * settings.anomalyRate(), settings.seed()));
  }

  private static ApicurioRegistry awaitRegistry(CompletableFuture<ApicurioRegistry> pending, BooleanSupplier cancelled)
      throws ExecutionException, InterruptedException {
    while (true) {
      checkNotCancelled(cancelled);
      try {
        return pending.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // not up yet
      }
    }
  }

  private static void checkNotCancelled(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new DemoCancelledException();
    }
  }

  /** Runs one start-up step, naming the component if it fails. */
  private static <T> T step(String component, CheckedSupplier<T> start) {
    try {
      return start.get();
    } catch (DemoCancelledException e) {
      throw e;
    } catch (ExecutionException e) {
      throw new DemoStartException(component, e.getCause());
    } catch (Exception e) {
      throw new DemoStartException(component, e);
    }
  }

  @FunctionalInterface
  private interface CheckedSupplier<T> {
    T get() throws Exception;
  }

  private String seconds() {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  /** Client settings of the demo's broker and registry. */
  private Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", kafka.bootstrapServers());
    config.put("schema.registry.url", registry.url());
    return config;
  }

  /** Where the demo stands now. */
  public DemoProgress progress() {
    return new DemoProgress(Duration.ofNanos(System.nanoTime() - startNanos), generator.written(),
        monitor.confusion(), monitor.deadLetters(), detector.modelVersion(),
        trainer.metrics().versionsPublished(), trainer.windowSize(), settings.minNewEvents());
  }

  /**
   * What stopped working, if anything did: the generator (the broker refused events), the monitor,
   * the detector (see {@link Detector#failure()}) or the trainer's consumer.
   */
  public Optional<String> failure() {
    return generator.failure().map(e -> "the generator stopped: " + e)
        .or(() -> monitor.failure().map(e -> "the monitor stopped: " + e))
        .or(() -> detector.failure().map(e -> "the detector stopped: " + e))
        .or(() -> trainer.state() == Trainer.State.FAILED
            ? Optional.of("the trainer's consumer failed (see the log)") : Optional.empty());
  }

  /** The model versions that scored the events so far. */
  public SortedSet<Long> modelVersionsSeen() {
    return monitor.modelVersions();
  }

  /** The demo's topics. */
  public DemoTopics topics() {
    return topics;
  }

  /** The broker's {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The folders the demo writes to (the broker's data, Kafka Streams' state); {@link #close()} deletes them. */
  public List<Path> temporaryFolders() {
    return List.of(kafka.dataDirectory(), stateDir);
  }

  /** The registry's process id, to check it is gone after {@link #close()}. */
  public long registryPid() {
    return registry.pid();
  }

  /**
   * Ends the demo: stops the generator, gives the detector up to {@code drain} to score the events
   * still in the input topic (unless it still waits for its first model), stops the detector, reads
   * its output to the end, and closes everything.
   *
   * @return the final progress, from which {@link DemoProgress#summaryLine()} is printed
   */
  public DemoProgress finish(Duration drain) throws InterruptedException {
    generator.stop();
    long written = generator.written();
    long deadline = System.nanoTime() + drain.toNanos();
    while (!detector.holding() && accounted() < written && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    detector.close();
    if (!monitor.finish(Duration.ofSeconds(10))) {
      LOG.warn("did not read all of the detector's output; the summary counts what was read");
    }
    DemoProgress last = progress();
    close();
    return last;
  }

  private long accounted() {
    var counts = detector.metrics().snapshot();
    return counts.eventsScored() + counts.deadLettersTotal();
  }

  /** Stops every component in reverse order of start and deletes the temporary folders; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly("the generator", generator);
    closeQuietly("the detector", detector);
    closeQuietly("the monitor", monitor);
    closeQuietly("the trainer", trainer);
    closeQuietly("the registry", registry);
    closeQuietly("the broker", kafka);
    if (stateDir != null) {
      deleteRecursively(stateDir);
    }
  }

  private static void closeQuietly(String what, AutoCloseable component) {
    if (component == null) {
      return;
    }
    try {
      component.close();
    } catch (Exception e) {
      LOG.warn("stopping {} failed: {}", what, e.toString());
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", folder, e.toString());
    }
  }
}
