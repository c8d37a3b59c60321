package io.surprisal.cli;

import io.surprisal.SurprisalException;
import java.util.List;

/** A version asked for is not on the models topic (never published, or compacted away). */
final class ModelVersionNotFoundException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  ModelVersionNotFoundException(String model, long version, String topic, List<Long> present) {
    super("version " + version + " of model '" + model + "' is not on topic '" + topic + "'"
        + (present.isEmpty() ? " (the topic has no version of it)"
            : "; versions still there: " + present + " (older ones are compacted away)"));
  }
}
