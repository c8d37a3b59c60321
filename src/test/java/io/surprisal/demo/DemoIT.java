package io.surprisal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo as an embedder (or {@code surprisal demo}) runs it: its own broker and registry, events
 * held until the first model, then scored; finishing accounts for every event written and leaves
 * no process or folder behind.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DemoIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void finish_afterTheFirstModel_accountsForEveryEventAndLeavesNothingBehind() throws Exception {
    // 1. configure and start: 1000 events/s, a model per 3000 events
    List<String> said = new ArrayList<>();
    Demo demo = Demo.start(DemoSettings.defaults().withRate(1000).withTraining(3000, 6000), said::add);
    long registryPid = demo.registryPid();
    List<Path> folders = demo.temporaryFolders();
    DemoProgress last;
    try {
      assertThat(said).anyMatch(line -> line.contains("registry at http://127.0.0.1:"));
      assertThat(ProcessHandle.of(registryPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
      assertThat(folders).allMatch(Files::isDirectory);

      // 2. produce (the generator runs): wait for the first model and 2000 events scored with it
      await("the first model", () -> !demo.progress().waitingForFirstModel());
      await("2000 events scored", () -> demo.progress().scored().events() >= 2000);
      assertThat(demo.failure()).isEmpty();

      // 3. finish: the generator stops and the detector scores what is queued
      last = demo.finish(Duration.ofSeconds(30));
    } finally {
      demo.close();
    }

    // 4. verify: every event written was scored (none is undecodable), by the versions published
    assertThat(last.written()).isGreaterThanOrEqualTo(3000);
    assertThat(last.scored().events() + last.deadLetters()).isEqualTo(last.written());
    assertThat(last.deadLetters()).isZero();
    assertThat(last.modelsPublished()).isPositive();
    assertThat(last.modelVersion()).isPresent();
    assertThat(last.modelVersion().getAsLong()).isBetween(1L, last.modelsPublished());
    assertThat(last.scored().anomalies()).isPositive();
    assertThat(last.summaryLine()).matches(
        "summary events=\\d+ alerts=\\d+ precision=\\d\\.\\d{3} recall=\\d\\.\\d{3} models=\\d+ dlq=0");

    // 5. verify: the registry process and the temporary folders are gone
    await("the registry process to be gone", () -> ProcessHandle.of(registryPid).map(ProcessHandle::isAlive)
        .equals(Optional.of(false)) || ProcessHandle.of(registryPid).isEmpty());
    assertThat(folders).noneMatch(Files::exists);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
