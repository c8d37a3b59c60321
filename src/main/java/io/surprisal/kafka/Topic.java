package io.surprisal.kafka;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka topic together with the serdes of its keys and values, so that the two never drift apart
 * (the {@code Topic} type of Confluent's kafka-streams-examples).
 *
 * <pre>{@code
 * Topic<String, String> events = new Topic<>("events", Serdes.String(), Serdes.String());
 * builder.stream(events.name(), events.consumed()).to(alerts.name(), alerts.produced());
 * }</pre>
 *
 * @param name the topic name: 1 to 249 characters from {@code [a-zA-Z0-9._-]}, not "." or ".."
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values
 * @throws IllegalArgumentException if the name is not a legal Kafka topic name
 * @throws NullPointerException if any argument is null
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
  private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "topic name must be 1 to 249 characters from [a-zA-Z0-9._-] and not \".\" or \"..\", got \""
              + name + "\"");
    }
  }

  /** How a Kafka Streams application reads this topic: {@code builder.stream(t.name(), t.consumed())}. */
  public Consumed<K, V> consumed() {
    return Consumed.with(keySerde, valueSerde);
  }

  /** How a Kafka Streams application writes this topic: {@code stream.to(t.name(), t.produced())}. */
  public Produced<K, V> produced() {
    return Produced.with(keySerde, valueSerde);
  }
}
