package io.surprisal.detect;

import io.surprisal.model.DensityModel;

/**
 * Turns the {@code model} bytes of a {@link io.surprisal.avro.ModelVersion} into a model: the one
 * seam between the detector and the model artifact codec.
 */
@FunctionalInterface
public interface ArtifactDecoder {
  /**
   * The model in the artifact.
   *
   * @throws RuntimeException (the codec's {@code CorruptModelException}) when the bytes are not an
   *     intact artifact this build can read; the detector then refuses the model version
   */
  DensityModel decode(byte[] artifact);
}
