package io.surprisal.cli;

import io.surprisal.trainer.Trainer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code surprisal train}: runs the trainer until the process is stopped. */
@Command(name = "train", description = "Retrain models from a topic and publish them to the models topic, until stopped.")
final class TrainCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws InterruptedException {
    Trainer trainer = new Trainer(config.load());
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      trainer.close();
      stopped.countDown();
    }, "surprisal-train-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    trainer.start();
    stopped.await();
    return trainer.state() == Trainer.State.FAILED ? ExitCode.USER_ERROR.code() : ExitCode.OK.code();
  }
}
