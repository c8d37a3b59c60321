package io.surprisal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Test-only command that fails the way a bug does. */
@Command(name = "bug")
final class BugCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalStateException("invariant broken");
  }
}
