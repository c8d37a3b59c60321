package io.surprisal.detect;

/** Why an event went to the dead-letter topic: the value of its {@code surprisal.error.code} header. */
public enum DeadLetterCode {
  /** The value is not a schema-registry Avro payload: wrong magic byte, too short, or corrupt Avro. */
  UNDECODABLE,
  /** The registry has no schema with the id in the value's header. */
  UNKNOWN_SCHEMA,
  /** The record has no value (a tombstone). */
  NO_VALUE,
  /** The value decodes, but to an Avro primitive, not a record with fields. */
  NOT_A_RECORD,
  /** The value's schema has no field at one of the model's feature paths. */
  MISSING_FEATURE,
  /** A feature field (or a record on its path) is null in this event. */
  NULL_FEATURE,
  /** A feature field holds something other than an int, long, float, double or boolean. */
  NOT_A_NUMBER,
  /** A feature is NaN or infinite. */
  NOT_FINITE,
  /**
   * No model was loaded when the event was processed. The detector holds processing until the first
   * model arrives, so this should never happen; it is a guard that keeps such an event replayable.
   */
  NO_MODEL
}
