package io.surprisal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime image's file layout, rebuilt from the Dockerfile's COPY instructions in a temporary
 * root (there is no Docker engine here), with the packaged jar: its ENTRYPOINT starts the command
 * line, reads SURPRISAL_* variables, and never tries to build when the jar is missing.
 */
class ImageLayoutIT {
  private static final Path ROOT = DockerfileTest.ROOT;

  @TempDir Path image;
  private Path entrypoint;

  @BeforeEach
  void layOut() throws IOException {
    assumeTrue(Files.exists(ROOT.resolve("target/surprisal.jar")), "needs target/surprisal.jar: run mvn verify");
    Dockerfile dockerfile = Dockerfile.read(ROOT.resolve("Dockerfile"));
    String buildDir = dockerfile.stage("build").last("WORKDIR").orElseThrow();
    for (String copy : dockerfile.runtime().all("COPY")) {
      List<String> words = List.of(copy.split(" "));
      List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
      Path target = image.resolve(paths.getLast().substring(1));
      Files.createDirectories(target.getParent());
      if (words.contains("--from=build")) {
        // built by the build stage: the same files of this project's own build
        Files.createSymbolicLink(target, ROOT.resolve(Path.of(buildDir).relativize(Path.of(paths.getFirst()))));
      } else {
        Files.copy(ROOT.resolve(paths.getFirst()), target);
      }
    }
    entrypoint = image.resolve(DockerfileTest.entrypoint(dockerfile).getFirst().substring(1));
  }

  private record Run(int exitCode, String out, String err) {}

  private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(entrypoint.toString()));
    command.addAll(List.of(args));
    Path out = image.resolve("out.txt");
    Path err = image.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(image.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void entrypoint_defaultCommand_printsTheCommands() throws Exception {
    Run r = run(Map.of(), "--help");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: surprisal").contains("detect", "train", "generate", "models");
  }

  @Test
  void entrypoint_detectConfiguredByEnvironment_readsTheVariables() throws Exception {
    Run r = run(Map.of("SURPRISAL_BOOTSTRAP_SERVERS", "localhost:1", "SURPRISAL_SCHEMA_REGISTRY_URL",
        "http://localhost:1", "SURPRISAL_ALERTS_TOPIC", "alerts", "SURPRISAL_DLQ_TOPIC", "dlq"), "detect");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error: missing required setting 'input.topic'")
        .contains("SURPRISAL_INPUT_TOPIC");
  }

  @Test
  void entrypoint_jarMissing_failsWithoutTryingToBuild() throws Exception {
    Files.delete(entrypoint.getParent().resolveSibling("target/surprisal.jar"));

    Run r = run(Map.of(), "--help");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("surprisal.jar is missing", "no pom.xml").doesNotContain("building");
  }
}
