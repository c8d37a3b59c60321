package io.surprisal.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a child process and every process it started, and waits until all are gone. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Asks the process and its descendants to terminate (SIGTERM, so the JVM runs its shutdown
   * hooks), waits up to {@code grace}, then kills whatever is left and waits for that too.
   *
   * @return true if every process ended
   */
  static boolean stop(ProcessHandle root, Duration grace) {
    // Collect the descendants first: once the root is gone they are re-parented and unreachable.
    List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
    all.add(0, root);
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle p : all) {
      awaitExit(p, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    boolean allEnded = true;
    for (ProcessHandle p : all) {
      if (p.isAlive()) {
        p.destroyForcibly();
        allEnded &= awaitExit(p, Duration.ofSeconds(10));
      }
    }
    return allEnded;
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
