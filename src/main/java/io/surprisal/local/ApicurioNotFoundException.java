package io.surprisal.local;

import java.nio.file.Path;
import java.util.List;

/** The unpacked Apicurio Registry distribution (a folder with quarkus-run.jar) is not where we looked. */
public final class ApicurioNotFoundException extends RuntimeException {
  private final List<Path> searched;

  ApicurioNotFoundException(List<Path> searched, String hint) {
    super("Apicurio Registry distribution not found: no quarkus-run.jar in " + searched + ". " + hint);
    this.searched = List.copyOf(searched);
  }

  /** The folders that were searched, in order. */
  public List<Path> searched() {
    return searched;
  }
}
