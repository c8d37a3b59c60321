package io.surprisal.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.surprisal.config.Config;
import io.surprisal.metrics.Meters;
import io.surprisal.metrics.MetricsConfig;
import io.surprisal.metrics.MetricsServer;
import io.surprisal.trainer.Trainer;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code surprisal train}: runs the trainer until the process is stopped, serving metrics and health
 * on {@code metrics.port} (default 8081, 0: off).
 */
@Command(name = "train", description = "Retrain models from a topic and publish them to the models topic, until"
    + " stopped. Serves /metrics, /health/live and /health/ready on metrics.port (default 8081, 0: off).")
final class TrainCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws InterruptedException {
    Config settings = config.load();
    PrometheusMeterRegistry meters = Meters.prometheus();
    Trainer trainer = new Trainer(settings, meters);
    Optional<MetricsServer> server = MetricsConfig.address(settings, MetricsConfig.TRAIN_DEFAULT_PORT)
        .map(address -> MetricsServer.start(address, meters, trainer::liveness, trainer::readiness));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      trainer.close();
      server.ifPresent(MetricsServer::close);
      stopped.countDown();
    }, "surprisal-train-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    trainer.start();
    stopped.await();
    return trainer.state() == Trainer.State.FAILED ? ExitCode.USER_ERROR.code() : ExitCode.OK.code();
  }
}
