package io.surprisal.model.codec;

import io.surprisal.model.DensityModel;

/**
 * A decoded model artifact: the model and what the artifact says about itself.
 *
 * @param model         the model
 * @param formatVersion the artifact's format version
 * @param sha256        the SHA-256 recorded in (and verified against) the artifact, lower-case hex
 * @param writtenBy     the program that wrote it, such as {@code surprisal 0.1.0}
 * @param sizeBytes     the artifact's size
 */
public record ModelArtifact(DensityModel model, int formatVersion, String sha256, String writtenBy, long sizeBytes) {}
