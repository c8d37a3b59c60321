package io.surprisal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.surprisal.model.codec.ModelArtifact;
import io.surprisal.model.codec.ModelCodec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code surprisal inspect}: a model's summary as JSON on stdout. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Prints a model's summary as JSON: features and their preprocessing, flow, parameter count,"
        + " calibration and threshold, training metadata, format version and checksum.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model written by fit.")
  Path model;

  @Override
  public Integer call() throws Exception {
    ModelArtifact artifact = ModelCodec.readArtifact(model);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    spec.commandLine().getOut().println(json.writeValueAsString(ModelSummary.of(artifact, model.toString())));
    return 0;
  }
}
