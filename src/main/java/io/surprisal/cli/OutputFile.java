package io.surprisal.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written under a temporary name in its directory and renamed into place by
 * {@link #commit()}: a command that fails half-way (a bad cell on line 90,000) leaves no partial
 * output, and an existing file is only replaced by a complete one.
 */
final class OutputFile implements Closeable {
  private final Path target;
  private final Path temporary;
  private boolean committed;

  private OutputFile(Path target, Path temporary) {
    this.target = target;
    this.temporary = temporary;
  }

  /**
   * @throws NoSuchFileException if the directory does not exist
   * @throws FileSystemException if {@code target} is a directory
   */
  static OutputFile create(Path target) throws IOException {
    if (Files.isDirectory(target)) {
      throw new FileSystemException(target.toString(), null, "is a directory; give a file name");
    }
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(String.valueOf(target.getParent()), null, "no such directory");
    }
    return new OutputFile(target, Files.createTempFile(dir, "." + target.getFileName(), ".tmp"));
  }

  /** Where to write until {@link #commit()}. */
  Path temporary() {
    return temporary;
  }

  /** Moves the written file to its name, replacing what is there. */
  void commit() throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Deletes the temporary file unless it was committed. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      Files.deleteIfExists(temporary);
    }
  }
}
