package io.surprisal.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.surprisal.config.Config;
import io.surprisal.detect.Detector;
import io.surprisal.detect.DetectorFailedException;
import io.surprisal.metrics.Meters;
import io.surprisal.metrics.MetricsConfig;
import io.surprisal.metrics.MetricsServer;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code surprisal detect [--config detector.properties] [--set key=value]...}: runs the detector
 * until Ctrl-C (or SIGTERM), then stops it cleanly, serving metrics and health on {@code
 * metrics.port} meanwhile. Exits 1 with one line if the configuration is wrong or the detector stops
 * on an error.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Scores every event of a Kafka topic with the newest model of the models topic and writes an alert"
          + " for each event with p-value <= alpha. Runs until stopped (Ctrl-C).",
      "Settings come from the --config file, SURPRISAL_* environment variables and --set, later ones winning.",
      "Keys: input.topic, alerts.topic, models.topic, dlq.topic, scores.topic, model.name, alpha,"
          + " alert.attributions.top.k, input.subject, application.id, processing.guarantee,"
          + " metrics.port (default 8080, 0: off), metrics.host,"
          + " bootstrap.servers, schema.registry.url; any other key goes to Kafka Streams and its clients."
    })
final class DetectCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  private volatile Detector running;

  @Override
  public Integer call() throws InterruptedException {
    Config settings = config.load();
    PrometheusMeterRegistry meters = Meters.prometheus();
    try (Detector detector = Detector.create(settings, meters)) {
      Optional<MetricsServer> server = MetricsConfig.address(settings, MetricsConfig.DETECT_DEFAULT_PORT)
          .map(address -> MetricsServer.start(address, meters, detector::liveness, detector::readiness));
      Thread hook = new Thread(detector::close, "surprisal-detect-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      running = detector;
      try {
        detector.start();
        detector.awaitStop();
      } finally {
        running = null;
        removeHook(hook);
        server.ifPresent(MetricsServer::close);
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
