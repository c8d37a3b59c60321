package io.surprisal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.surprisal.avro.ModelVersion;
import io.surprisal.trainer.ModelSummary;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code surprisal models show --version N}: one version's metadata and model summary as JSON. */
@Command(name = "show", description = "Print one version of a model as JSON.")
final class ModelsShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelsTopicOptions options;

  @Option(names = "--version", required = true, paramLabel = "N", description = "The version to show.")
  long version;

  @Override
  public Integer call() throws Exception {
    var topic = options.topic();
    List<ModelVersion> versions = options.versions(topic);
    ModelVersion found = versions.stream().filter(v -> v.getVersion() == version).reduce((a, b) -> b)
        .orElseThrow(() -> new ModelVersionNotFoundException(options.modelName(), version, topic.name(),
            versions.stream().map(ModelVersion::getVersion).toList()));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    spec.commandLine().getOut().println(json.writeValueAsString(ModelSummary.of(found)));
    return ExitCode.OK.code();
  }
}
