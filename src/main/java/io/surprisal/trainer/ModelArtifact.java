package io.surprisal.trainer;

import io.surprisal.model.DensityModel;

/**
 * The one seam between the trainer and the model artifact format carried in the {@code model} field
 * of a published {@code ModelVersion}. Until the shared {@code ModelCodec} is merged it delegates
 * to {@link InterimModelCodec}; switching is one line per method.
 */
public final class ModelArtifact {
  private ModelArtifact() {}

  /** The artifact bytes of a model. */
  public static byte[] encode(DensityModel model) {
    return InterimModelCodec.encode(model);
  }

  /**
   * The model in artifact bytes.
   *
   * @throws UnreadableModelException if the bytes are not a model this build can read
   */
  public static DensityModel decode(byte[] bytes) {
    return InterimModelCodec.decode(bytes);
  }
}
