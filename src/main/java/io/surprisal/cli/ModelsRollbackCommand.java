package io.surprisal.cli;

import io.surprisal.avro.ModelVersion;
import io.surprisal.kafka.ModelVersionNumber;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surprisal models rollback --to N}: republishes version N's model as the newest version,
 * {@code max + 1}, with {@code rolled_back_from = N}, so detectors switch to it and the trainer
 * filters and compares with it from then on.
 */
@Command(name = "rollback", description = "Republish an earlier version of a model as its newest version.")
final class ModelsRollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelsTopicOptions options;

  @Option(names = "--to", required = true, paramLabel = "N", description = "The version to bring back.")
  long to;

  @Override
  public Integer call() {
    var topic = options.topic();
    List<ModelVersion> versions = options.versions(topic);
    ModelVersion target = versions.stream().filter(v -> v.getVersion() == to).reduce((a, b) -> b)
        .orElseThrow(() -> new ModelVersionNotFoundException(options.modelName(), to, topic.name(),
            versions.stream().map(ModelVersion::getVersion).toList()));
    long next = ModelVersionNumber.next(versions.getLast().getVersion()); // versions holds valid numbers only
    // Field by field: the builder's copy constructor deep-copies through Avro's class allow-list.
    ModelVersion copy = new ModelVersion(target.getName(), next, Instant.now(), target.getInputTopic(),
        target.getTrainingWindow(), target.getRowCount(), target.getExcludedCount(), target.getValidationNll(),
        target.getPreviousValidationNll(), target.getFeatures(), to, target.getModel());
    topic.publish(copy);
    spec.commandLine().getOut().println("published version " + next + " of model '" + options.modelName()
        + "' as a copy of version " + to);
    return ExitCode.OK.code();
  }
}
