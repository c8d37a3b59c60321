package io.surprisal.detect;

import io.surprisal.model.DensityModel;
import java.util.Objects;

/**
 * A model version the detector accepted: what scores the events until a newer version is accepted.
 *
 * @param name     model name on the models topic
 * @param version  its version number
 * @param model    the density model
 * @param features where each of the model's features is read in an input record
 * @param alpha    alert level in force (configured, or the model's own)
 */
public record ActiveModel(String name, long version, DensityModel model, FeaturePaths features, double alpha) {
  public ActiveModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(features, "features");
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (!features.names().equals(model.features())) {
      throw new IllegalArgumentException("feature paths " + features.names() + " differ from the model's features "
          + model.features());
    }
  }
}
