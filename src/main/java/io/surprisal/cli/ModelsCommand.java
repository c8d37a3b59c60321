package io.surprisal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code surprisal models}: the versions on the models topic. */
@Command(name = "models", description = "List, show and roll back published model versions.",
    subcommands = {ModelsListCommand.class, ModelsShowCommand.class, ModelsRollbackCommand.class})
final class ModelsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: list, show or rollback");
  }
}
