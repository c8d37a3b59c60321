package io.surprisal.local;

import io.surprisal.registry.Compatibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Apicurio Registry, run from its unpacked distribution as a child process on free loopback
 * ports with the current JVM's {@code java}, storing schemas in memory (H2). For the demo and for
 * tests; its Confluent-compatible API is at {@link #url()}.
 *
 * <p>{@link #close()} stops the process and all its descendants and waits for them; a JVM
 * shutdown hook does the same if the owner never calls it. The process's output goes to
 * {@link #log()} in a temporary folder, which {@code close()} deletes.
 */
public final class ApicurioRegistry implements AutoCloseable {
  private static final String CCOMPAT = "/apis/ccompat/v7";
  private static final int LOG_TAIL_LINES = 40;

  private final Process process;
  private final String url;
  private final Path workDir;
  private final Thread shutdownHook;
  private boolean closed;

  private ApicurioRegistry(Process process, String url, Path workDir) {
    this.process = process;
    this.url = url;
    this.workDir = workDir;
    this.shutdownHook = new Thread(() -> {
      ProcessTree.stop(process.toHandle(), Duration.ofSeconds(5));
      deleteRecursively(workDir);
    }, "apicurio-registry-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a registry with the defaults of {@link Builder}. */
  public static ApicurioRegistry start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The Confluent-compatible API's base URL, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
  public String url() {
    return url;
  }

  /** The registry's log file (gone after {@link #close()}). */
  public Path log() {
    return workDir.resolve("apicurio.log");
  }

  /** The operating-system id of the registry process. */
  public long pid() {
    return process.pid();
  }

  /** Stops the registry process and its descendants, waits for them and deletes the log folder. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ProcessTree.stop(process.toHandle(), Duration.ofSeconds(10));
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook runs and finds the process gone.
    }
    deleteRecursively(workDir);
  }

  /** Settings for a registry to start; every setter checks its argument. */
  public static final class Builder {
    private Optional<Path> home = Optional.empty();
    private Optional<Compatibility> compatibility = Optional.empty();
    private Duration startupTimeout = Duration.ofSeconds(90);

    private Builder() {}

    /** The unpacked distribution (a folder with quarkus-run.jar); default: see {@link ApicurioDistribution}. */
    public Builder home(Path home) {
      this.home = Optional.of(Objects.requireNonNull(home, "home"));
      return this;
    }

    /** The global compatibility level; Apicurio's own default is NONE (Confluent's is BACKWARD). */
    public Builder compatibility(Compatibility level) {
      this.compatibility = Optional.of(Objects.requireNonNull(level, "level"));
      return this;
    }

    /**
     * How long to wait for the API to answer.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public Builder startupTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startup timeout must be positive, got " + timeout);
      }
      this.startupTimeout = timeout;
      return this;
    }

    /**
     * Starts the registry and waits until its API answers.
     *
     * @throws ApicurioNotFoundException if the distribution is not found
     * @throws ApicurioStartException if it exits or does not answer within the timeout
     */
    public ApicurioRegistry start() {
      Path folder = home.map(h -> ApicurioDistribution.locateIn(List.of(h))).orElseGet(ApicurioDistribution::locate);
      // Free ports are picked, released and then bound by the child, so another process can
      // take one in between; that shows in the log and is worth a second try on new ports.
      for (int attempt = 1; ; attempt++) {
        try {
          return launch(folder);
        } catch (ApicurioStartException e) {
          if (attempt >= 3 || !e.getMessage().contains("already in use")) {
            throw e;
          }
          deleteRecursively(e.log().getParent());
        }
      }
    }

    private ApicurioRegistry launch(Path folder) {
      Path workDir = createWorkDir();
      Path log = workDir.resolve("apicurio.log");
      int[] ports = freeLoopbackPorts(2);
      String url = "http://127.0.0.1:" + ports[0] + CCOMPAT;
      Process process;
      try {
        process = new ProcessBuilder(command(folder, ports[0], ports[1]))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
      } catch (IOException e) {
        throw new ApicurioStartException("Could not start Apicurio Registry from " + folder, log, tail(log), e);
      }
      ApicurioRegistry registry = new ApicurioRegistry(process, url, workDir);
      try {
        awaitReady(process, url, log);
        return registry;
      } catch (RuntimeException e) {
        ProcessTree.stop(process.toHandle(), Duration.ofSeconds(5));
        Runtime.getRuntime().removeShutdownHook(registry.shutdownHook);
        throw e;
      }
    }

    private List<String> command(Path folder, int httpPort, int managementPort) {
      // C1 only and the serial collector: a local registry serves few requests, and on a busy
      // 2-core machine this halves its start-up time (about 11 s to 6 s measured).
      List<String> command = new ArrayList<>(List.of(
          javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
          "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort));
      compatibility.ifPresent(level -> command.add("-Dapicurio.rules.global.compatibility=" + level.name()));
      command.addAll(List.of("-jar", folder.resolve(ApicurioDistribution.RUNNER).toString()));
      return command;
    }

    private void awaitReady(Process process, String url, Path log) {
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/subjects")).timeout(Duration.ofSeconds(5)).build();
        while (true) {
          if (!process.isAlive()) {
            throw new ApicurioStartException("Apicurio Registry exited with code " + process.exitValue()
                + " before its API answered", log, tail(log), null);
          }
          try {
            if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
              return;
            }
          } catch (IOException e) {
            // Not listening yet.
          }
          if (System.nanoTime() > deadline) {
            throw new ApicurioStartException("Apicurio Registry did not answer at " + url + " within "
                + startupTimeout.toSeconds() + " s", log, tail(log), null);
          }
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApicurioStartException("Interrupted while waiting for Apicurio Registry", log, tail(log), e);
      }
    }
  }

  private static String javaBinary() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    if (Files.isExecutable(java)) {
      return java.toString();
    }
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Path createWorkDir() {
    try {
      return Files.createTempDirectory("surprisal-apicurio-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the Apicurio Registry log", e);
    }
  }

  /** Distinct ports that were free on 127.0.0.1 a moment ago (all sockets are held until all are picked). */
  static int[] freeLoopbackPorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // Nothing to do: the port is released either way when the socket is collected.
        }
      }
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover log in the temp folder is harmless.
    }
  }
}
