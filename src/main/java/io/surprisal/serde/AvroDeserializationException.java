package io.surprisal.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes could not be turned into a value. {@link #reason()} says why in a form a
 * dead-letter handler can route on; the message says it in words, with the topic and schema id.
 */
public final class AvroDeserializationException extends SerializationException {

  /** Why a payload could not be read. */
  public enum Reason {
    /** The first byte is not the Confluent wire format's magic byte 0. */
    WRONG_MAGIC_BYTE(false),
    /** Fewer than the 5 header bytes (magic byte and schema id). */
    TRUNCATED(false),
    /** The registry does not know the schema id in the header. */
    UNKNOWN_SCHEMA_ID(false),
    /** The Avro binary after the header does not decode with the writer's schema. */
    CORRUPT_AVRO(false),
    /** The writer's schema cannot be resolved into the reader's schema. */
    INCOMPATIBLE_SCHEMA(false),
    /** specific.avro.reader is on but no usable (present and trusted) class matches the schema. */
    READER_CLASS_UNAVAILABLE(false),
    /** The registry could not be reached or refused the lookup for another reason than 404. */
    REGISTRY_FAILURE(true);

    private final boolean transientFailure;

    Reason(boolean transientFailure) {
      this.transientFailure = transientFailure;
    }

    /**
     * True when the record itself may be fine and a later retry may succeed (the registry was
     * unavailable or misconfigured), so it should not be dead-lettered.
     */
    public boolean transientFailure() {
      return transientFailure;
    }
  }

  private final String topic;
  private final Reason reason;
  private final Integer schemaId;

  AvroDeserializationException(String topic, Reason reason, Integer schemaId, String problem, Throwable cause) {
    super("Cannot deserialize a record from topic '" + topic + "'"
        + (schemaId == null ? "" : " (schema id " + schemaId + ")") + ": " + reason + ": " + problem, cause);
    this.topic = topic;
    this.reason = reason;
    this.schemaId = schemaId;
  }

  public String topic() {
    return topic;
  }

  public Reason reason() {
    return reason;
  }

  /** The schema id from the header, or null if the header could not be read. */
  public Integer schemaId() {
    return schemaId;
  }
}
