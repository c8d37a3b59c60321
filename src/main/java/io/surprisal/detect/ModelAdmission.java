package io.surprisal.detect;

import io.surprisal.avro.FeatureField;
import io.surprisal.avro.ModelVersion;
import io.surprisal.kafka.ModelVersionNumber;
import io.surprisal.model.DensityModel;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.avro.Schema;

/**
 * Decides whether a {@link ModelVersion} can score this detector's input, and if so makes the
 * {@link ActiveModel}: its artifact must decode (the codec checks its checksum), its feature spec
 * must name the model's features in order, and the spec must fit the newest input schema.
 */
final class ModelAdmission {
  private final ArtifactDecoder decoder;
  private final InputSchemas inputSchemas;
  private final OptionalDouble alpha;

  /**
   * @param alpha the configured alert level, or empty for each model's own
   */
  ModelAdmission(ArtifactDecoder decoder, InputSchemas inputSchemas, OptionalDouble alpha) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.inputSchemas = Objects.requireNonNull(inputSchemas, "inputSchemas");
    this.alpha = Objects.requireNonNull(alpha, "alpha");
  }

  /**
   * The model of {@code version}, ready to score.
   *
   * @throws ModelRefusedException saying why the version cannot be used
   * @throws io.surprisal.registry.RegistryException if the registry cannot say what the input
   *     schema is (a transient failure: nothing is decided)
   */
  ActiveModel admit(ModelVersion version) throws ModelRefusedException {
    long number = version.getVersion();
    String badNumber = ModelVersionNumber.problem(number);
    if (badNumber != null) {
      throw new ModelRefusedException(number, badNumber, null);
    }
    List<String> paths = version.getFeatures().stream().map(FeatureField::getPath).toList();
    FeaturePaths features;
    try {
      features = FeaturePaths.of(paths);
    } catch (IllegalArgumentException e) {
      throw new ModelRefusedException(number, e.getMessage(), e);
    }
    DensityModel model = decode(number, bytes(version.getModel()));
    if (!model.features().equals(paths)) {
      throw new ModelRefusedException(number, "its feature spec " + paths + " does not match the features "
          + model.features() + " of its model artifact", null);
    }
    Schema schema = inputSchemas.latest().orElse(null);
    if (schema != null) {
      List<String> problems = SchemaFit.problems(version.getFeatures(), schema);
      if (!problems.isEmpty()) {
        throw new ModelRefusedException(number, "its features do not fit the input schema: "
            + String.join("; ", problems), null);
      }
    }
    return new ActiveModel(version.getName(), number, model, features, alpha.orElse(model.alpha()));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private DensityModel decode(long number, byte[] artifact) throws ModelRefusedException {
    try {
      return decoder.decode(artifact);
    } catch (RuntimeException e) {
      // Whatever the codec throws (checksum, truncation, unknown format version, a model that does
      // not assemble), these bytes cannot score anything; the detector must keep running on the
      // model it has rather than fail.
      throw new ModelRefusedException(number, "its model artifact (" + artifact.length
          + " bytes) cannot be decoded: " + e.getMessage(), e);
    }
  }
}
