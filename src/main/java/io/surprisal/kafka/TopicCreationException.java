package io.surprisal.kafka;

/** A topic could not be created; the message names the topic and the reason. */
public final class TopicCreationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String topic;

  public TopicCreationException(String topic, String reason, Throwable cause) {
    super("could not create topic '" + topic + "': " + reason, cause);
    this.topic = topic;
  }

  /** The topic that could not be created. */
  public String topic() {
    return topic;
  }
}
