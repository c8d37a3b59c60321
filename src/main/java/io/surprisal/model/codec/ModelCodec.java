package io.surprisal.model.codec;

import io.surprisal.model.DensityModel;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves and loads {@link DensityModel}s as self-describing, versioned, checksummed byte arrays: the
 * same bytes go to a file or into a Kafka record.
 *
 * <p>An artifact is a fixed 44-byte frame (magic {@code SRPL}, format version, payload length and a
 * SHA-256, see {@link ModelEnvelope}) around a payload. In format version 1 the payload is the
 * Avro binary encoding of the record {@code io.surprisal.avro.SurprisalModel} in
 * {@code schemas/model.avsc}: features with their preprocessing, flow architecture, every layer with
 * its type and parameters, calibration scores, alert level and training metadata.
 *
 * <p>Compatibility: an artifact of format version N is decoded with the schema of version N, so the
 * payload carries no schema of its own. A change to the schema must raise {@link #FORMAT_VERSION}
 * and keep a decoder for every older version (Avro resolves an older writer schema into the current
 * reader schema), and {@code src/test/resources/models/} keeps a file of each version that the tests
 * load. A file from a newer format version is refused by number rather than misread.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelCodec {
  /** The format version this build writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 3;

  private ModelCodec() {}

  /** The artifact bytes of a model. */
  public static byte[] encode(DensityModel model) {
    return ModelEnvelope.wrap(FORMAT_VERSION, ModelEncoder.payload(model, writer()));
  }

  /**
   * The model in artifact bytes.
   *
   * @throws CorruptModelException if the bytes are not a complete, intact artifact of a format
   *     version this build reads
   */
  public static DensityModel decode(byte[] artifact) {
    return open(artifact, "model").model();
  }

  /**
   * The model in artifact bytes with what the artifact says about itself.
   *
   * @param source names the bytes in error messages, such as a file name or a topic and offset
   * @throws CorruptModelException as {@link #decode(byte[])}
   */
  public static ModelArtifact open(byte[] artifact, String source) {
    ModelEnvelope.Opened frame = ModelEnvelope.open(artifact, source, FORMAT_VERSION);
    ModelDecoder.Decoded decoded = ModelDecoder.decode(frame.payload(), frame.formatVersion(), source);
    return new ModelArtifact(decoded.model(), frame.formatVersion(), frame.sha256(), decoded.writtenBy(),
        artifact.length);
  }

  /**
   * Writes the model to {@code file}, replacing it: the bytes go to a temporary file in the same
   * directory that is then renamed, so readers never see half a model.
   *
   * @throws NoSuchFileException if the directory does not exist
   */
  public static void write(DensityModel model, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      throw new NoSuchFileException(String.valueOf(file.getParent()), null, "no such directory");
    }
    Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    try {
      Files.write(tmp, encode(model));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads the model in {@code file}.
   *
   * @throws NoSuchFileException if there is no such file
   * @throws CorruptModelException naming the file, as {@link #decode(byte[])}
   */
  public static DensityModel read(Path file) throws IOException {
    return readArtifact(file).model();
  }

  /** Reads the model in {@code file} with what the artifact says about itself. */
  public static ModelArtifact readArtifact(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory, not a model file");
    }
    return open(Files.readAllBytes(file), file.toString());
  }

  private static String writer() {
    String version = ModelCodec.class.getPackage().getImplementationVersion();
    return "surprisal " + (version != null ? version : "(development build)");
  }
}
