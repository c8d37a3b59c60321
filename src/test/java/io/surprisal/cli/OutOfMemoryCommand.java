package io.surprisal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Test-only command that runs out of heap, as fit does on data too large for it. */
@Command(name = "oom")
final class OutOfMemoryCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new OutOfMemoryError("Java heap space");
  }
}
