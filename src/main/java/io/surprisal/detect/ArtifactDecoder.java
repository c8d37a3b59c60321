package io.surprisal.detect;

import io.surprisal.model.DensityModel;

/**
 * Turns the {@code model} bytes of a {@link io.surprisal.avro.ModelVersion} into a model: the one
 * seam between the detector and the model artifact codec, {@code ModelCodec::decode} in production.
 */
@FunctionalInterface
public interface ArtifactDecoder {
  /**
   * The model in the artifact.
   *
   * @throws io.surprisal.model.codec.CorruptModelException when the bytes are not an intact
   *     artifact this build can read (the detector refuses the model version on any exception)
   */
  DensityModel decode(byte[] artifact);
}
