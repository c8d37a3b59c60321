package io.surprisal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the unpacked {@code io.apicurio:apicurio-registry-app:tar.gz:all} distribution, i.e. the
 * folder holding {@code quarkus-run.jar}. Looks in, in order: the folder named by the system
 * property {@value #HOME_PROPERTY} (only there, if it is set), {@code ${surprisal.home}/target/apicurio}
 * and {@code target/apicurio} below the working directory. A candidate folder matches if it holds
 * the jar itself or has exactly one sub-folder that does.
 */
final class ApicurioDistribution {
  static final String HOME_PROPERTY = "surprisal.apicurio.home";
  static final String RUNNER = "quarkus-run.jar";
  private static final Path UNPACKED = Path.of("target", "apicurio");

  private ApicurioDistribution() {}

  /** The folder holding quarkus-run.jar, from the system properties as described above. */
  static Path locate() {
    String explicit = System.getProperty(HOME_PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      Path home = Path.of(explicit);
      return runnerFolder(home).orElseThrow(() -> new ApicurioNotFoundException(List.of(home),
          "The system property " + HOME_PROPERTY + " must name the unpacked apicurio-registry-app folder."));
    }
    List<Path> candidates = new ArrayList<>();
    String surprisalHome = System.getProperty("surprisal.home");
    if (surprisalHome != null && !surprisalHome.isBlank()) {
      candidates.add(Path.of(surprisalHome).resolve(UNPACKED));
    }
    candidates.add(UNPACKED.toAbsolutePath());
    return locateIn(candidates);
  }

  static Path locateIn(List<Path> candidates) {
    for (Path candidate : candidates) {
      Optional<Path> found = runnerFolder(candidate);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new ApicurioNotFoundException(candidates,
        "Run 'mvn package' in the surprisal folder (it unpacks io.apicurio:apicurio-registry-app into "
            + "target/apicurio), or set -D" + HOME_PROPERTY + "=<folder with " + RUNNER + ">.");
  }

  private static Optional<Path> runnerFolder(Path folder) {
    if (Files.isRegularFile(folder.resolve(RUNNER))) {
      return Optional.of(folder.toAbsolutePath().normalize());
    }
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(folder)) {
      List<Path> matches = children.filter(c -> Files.isRegularFile(c.resolve(RUNNER))).toList();
      return matches.size() == 1 ? Optional.of(matches.get(0).toAbsolutePath().normalize()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
