package io.surprisal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.surprisal.metrics.MetricsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Dockerfile: what its build stage runs, and what its runtime image holds and starts. */
class DockerfileTest {
  static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static Dockerfile dockerfile;

  @BeforeAll
  static void read() throws IOException {
    dockerfile = Dockerfile.read(ROOT.resolve("Dockerfile"));
  }

  /** The image's ENTRYPOINT, from its exec (JSON) form. */
  static List<String> entrypoint(Dockerfile dockerfile) throws IOException {
    return json(dockerfile.runtime().last("ENTRYPOINT").orElseThrow());
  }

  /** The Maven command of a RUN instruction, without its BuildKit flags. */
  static String mavenCommand(Dockerfile.Stage stage) {
    List<String> runs = stage.all("RUN").stream().filter(r -> r.contains("mvn ")).toList();
    assertThat(runs).as("one RUN with Maven in the build stage").hasSize(1);
    return runs.getFirst().replaceAll("--mount=\\S+\\s*", "").strip();
  }

  @Test
  void buildStage_runsTheReadmesPackagingCommandOnJdk21() throws IOException {
    Dockerfile.Stage build = dockerfile.stage("build");

    assertThat(build.image()).isEqualTo("maven:3.9-eclipse-temurin-21");
    assertThat(mavenCommand(build)).isEqualTo("mvn -B -DskipTests package");
    assertThat(readmeCommands("## Container image")).contains(mavenCommand(build));
  }

  @Test
  void runtimeStage_isAJre21RunningTheLauncherAsANonRootUser() throws IOException {
    Dockerfile.Stage runtime = dockerfile.runtime();
    String user = runtime.last("USER").orElseThrow();
    String uid = user.split(":")[0];

    assertThat(runtime.image()).isEqualTo("eclipse-temurin:21-jre");
    assertThat(uid).as("a numeric uid, so that Kubernetes can check runAsNonRoot").matches("[0-9]+");
    assertThat(Integer.parseInt(uid)).isPositive();
    assertThat(runtime.all("RUN")).anySatisfy(run -> assertThat(run).contains("useradd").contains("--uid " + uid));
    assertThat(entrypoint(dockerfile)).containsExactly("/opt/surprisal/bin/surprisal");
    assertThat(json(runtime.last("CMD").orElseThrow())).containsExactly("--help");
  }

  @Test
  void runtimeStage_putsJarLibrariesAndLauncherWhereTheLauncherLooksAndNoPom() throws IOException {
    Path home = Path.of(entrypoint(dockerfile).getFirst()).getParent().getParent();
    List<String> copies = dockerfile.runtime().all("COPY");

    assertThat(copies).contains("--from=build /build/target/surprisal.jar " + home.resolve("target/surprisal.jar"),
        "--from=build /build/target/lib " + home.resolve("target/lib"),
        "--chmod=755 bin/surprisal " + home.resolve("bin/surprisal"));
    assertThat(copies).noneMatch(copy -> copy.contains("pom.xml"));
    assertThat(dockerfile.stage("build").last("WORKDIR")).hasValue("/build");
  }

  @Test
  void runtimeStage_exposesTheDefaultMetricsPorts() {
    assertThat(dockerfile.runtime().all("EXPOSE")).singleElement().asString().contains(
        String.valueOf(MetricsConfig.DETECT_DEFAULT_PORT), String.valueOf(MetricsConfig.TRAIN_DEFAULT_PORT));
  }

  @Test
  void dockerignore_letsInEverySourceTheBuildCopies() throws IOException {
    List<String> allowed = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
        .filter(line -> line.startsWith("!")).map(line -> line.substring(1)).toList();
    List<String> sources = new ArrayList<>();
    for (Dockerfile.Stage stage : dockerfile.stages()) {
      for (String copy : stage.all("COPY")) {
        if (copy.contains("--from=")) {
          continue; // from another stage, not from the build context
        }
        List<String> paths = List.of(copy.split(" ")).stream().filter(w -> !w.startsWith("--")).toList();
        sources.addAll(paths.subList(0, paths.size() - 1));
      }
    }

    assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(allowed).contains(source.replaceAll("/$", "")));
  }

  /** The shell commands in the bash blocks of one README section, comments removed. */
  static List<String> readmeCommands(String heading) throws IOException {
    List<String> commands = new ArrayList<>();
    boolean inSection = false;
    boolean inBlock = false;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (line.startsWith("## ")) {
        inSection = line.strip().equals(heading);
      } else if (inSection && line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inSection && inBlock) {
        String command = line.replaceAll("\\s+#.*$", "").strip();
        if (!command.isEmpty() && !command.startsWith("#")) {
          commands.add(command);
        }
      }
    }
    return commands;
  }

  private static List<String> json(String execForm) throws IOException {
    return new ObjectMapper().readValue(execForm, new TypeReference<List<String>>() {});
  }
}
