package io.surprisal.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A value could not be serialized; the message names the topic, the subject and what was wrong. */
public final class AvroSerializationException extends SerializationException {
  private final String topic;
  private final String subject;

  AvroSerializationException(String topic, String subject, String problem) {
    this(topic, subject, problem, null);
  }

  AvroSerializationException(String topic, String subject, String problem, Throwable cause) {
    super("Cannot serialize a value for topic '" + topic + "'"
        + (subject == null ? "" : " (subject '" + subject + "')") + ": " + problem, cause);
    this.topic = topic;
    this.subject = subject;
  }

  public String topic() {
    return topic;
  }

  /** The registry subject, or null if it was not known yet. */
  public String subject() {
    return subject;
  }
}
