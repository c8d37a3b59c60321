package io.surprisal.detect;

import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryException;
import java.util.Optional;
import org.apache.avro.Schema;

/** Where the detector learns the newest schema of its input values, to check a model against it. */
@FunctionalInterface
public interface InputSchemas {
  /**
   * The newest schema of the input values, or empty when none is known yet (then only each event's
   * own schema is checked, by the scoring step).
   *
   * @throws io.surprisal.registry.RegistryException when the registry cannot answer
   */
  Optional<Schema> latest();

  /**
   * The newest schema of {@code subject}; empty while the subject does not exist. Give it a client
   * that does not cache {@code latest} for long, or a new input schema stays unseen.
   */
  static InputSchemas fromRegistry(SchemaRegistryClient client, String subject) {
    return () -> {
      try {
        return Optional.of(client.latest(subject).schema());
      } catch (SchemaRegistryException e) {
        if (e.isNotFound()) {
          return Optional.empty();
        }
        throw e;
      }
    };
  }

  /** Knows no schema: models are checked against each event's own schema only. */
  static InputSchemas none() {
    return Optional::empty;
  }
}
