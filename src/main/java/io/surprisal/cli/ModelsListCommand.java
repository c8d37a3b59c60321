package io.surprisal.cli;

import io.surprisal.avro.ModelVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code surprisal models list}: one line per version still on the models topic. */
@Command(name = "list", description = "List the versions of a model still on the models topic.")
final class ModelsListCommand implements Callable<Integer> {
  static final String HEADER = "%-8s %-24s %10s %14s %9s %s".formatted(
      "VERSION", "CREATED_AT", "ROWS", "VALIDATION_NLL", "FEATURES", "ROLLED_BACK_FROM");

  @Spec CommandSpec spec;
  @Mixin ModelsTopicOptions options;

  @Override
  public Integer call() {
    List<ModelVersion> versions = options.versions(options.topic());
    PrintWriter out = spec.commandLine().getOut();
    out.println(HEADER);
    for (ModelVersion v : versions) {
      out.println(String.format(Locale.ROOT, "%-8d %-24s %10d %14.4f %9d %s", v.getVersion(), v.getCreatedAt(),
          v.getRowCount(), v.getValidationNll(), v.getFeatures().size(),
          v.getRolledBackFrom() == null ? "-" : v.getRolledBackFrom()));
    }
    return ExitCode.OK.code();
  }
}
