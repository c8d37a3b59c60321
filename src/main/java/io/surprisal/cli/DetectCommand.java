package io.surprisal.cli;

import io.surprisal.config.Config;
import io.surprisal.config.ConfigLoader;
import io.surprisal.detect.Detector;
import io.surprisal.detect.DetectorFailedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code surprisal detect --config detector.properties [--set key=value]...}: runs the detector
 * until Ctrl-C (or SIGTERM), then stops it cleanly. Exits 1 with one line if the configuration is
 * wrong or the detector stops on an error.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Scores every event of a Kafka topic with the newest model of the models topic and writes an alert"
          + " for each event with p-value <= alpha. Runs until stopped (Ctrl-C).",
      "Keys: input.topic, alerts.topic, models.topic, dlq.topic, scores.topic, model.name, alpha,"
          + " alert.attributions.top.k, input.subject, application.id, processing.guarantee,"
          + " bootstrap.servers, schema.registry.url; any other key goes to Kafka Streams and its clients."
    })
final class DetectCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The detector's .properties file.")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Sets a key, overriding the file and the SURPRISAL_* environment variables.")
  List<String> overrides = new ArrayList<>();

  private volatile Detector running;

  @Override
  public Integer call() throws InterruptedException {
    Config config = ConfigLoader.fromSystemEnvironment().load(configFile, overrides);
    try (Detector detector = Detector.create(config)) {
      Thread hook = new Thread(detector::close, "surprisal-detect-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      running = detector;
      try {
        detector.start();
        detector.awaitStop();
      } finally {
        running = null;
        removeHook(hook);
      }
      Optional<Throwable> failure = detector.failure();
      if (failure.isPresent()) {
        throw new DetectorFailedException(failure.get());
      }
    }
    return ExitCode.OK.code();
  }

  /** The detector while the command runs it, for tests that stop it. */
  Optional<Detector> running() {
    return Optional.ofNullable(running);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and the hook is closing the detector right now
    }
  }
}
