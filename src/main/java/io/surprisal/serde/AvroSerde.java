package io.surprisal.serde;

import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An {@link AvroSerializer} and {@link AvroDeserializer} pair sharing one registry client, for
 * Kafka Streams. Use a factory method in code, or the no-argument constructor when Kafka Streams
 * instantiates it by class name (e.g. {@code default.value.serde}) and calls {@link #configure}.
 */
public final class AvroSerde implements Serde<Object> {
  private volatile Pair pair;

  private record Pair(AvroSerializer serializer, AvroDeserializer deserializer, SchemaRegistryClient ownedClient) {}

  /** For Kafka Streams, which calls {@link #configure} next. */
  public AvroSerde() {}

  private AvroSerde(Pair pair) {
    this.pair = pair;
  }

  /**
   * A configured serde with its own registry client (closed with the serde); reads
   * {@link SchemaRegistryConfig} and {@link AvroSerdeConfig} keys from {@code configs}.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming a missing or bad key
   */
  public static AvroSerde create(Map<String, ?> configs, boolean isKey) {
    return new AvroSerde(build(configs, isKey));
  }

  /** A configured serde sharing {@code client}, which the caller keeps and closes. */
  public static AvroSerde create(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
    Objects.requireNonNull(client, "client");
    return new AvroSerde(new Pair(new AvroSerializer(client, config, isKey), new AvroDeserializer(client, config), null));
  }

  private static Pair build(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = AvroSerdeConfig.parse(configs);
    SchemaRegistryClient client = SchemaRegistryClient.create(SchemaRegistryConfig.parse(configs));
    return new Pair(new AvroSerializer(client, config, isKey), new AvroDeserializer(client, config), client);
  }

  /** Builds the pair from the map; a no-op on a serde that is already configured. */
  @Override
  public synchronized void configure(Map<String, ?> configs, boolean isKey) {
    if (pair == null) {
      pair = build(configs, isKey);
    }
  }

  @Override
  public Serializer<Object> serializer() {
    return configured().serializer();
  }

  @Override
  public Deserializer<Object> deserializer() {
    return configured().deserializer();
  }

  private Pair configured() {
    Pair p = pair;
    if (p == null) {
      throw new IllegalStateException("AvroSerde used before configure(...) was called");
    }
    return p;
  }

  /** Closes the registry client if this serde created it. */
  @Override
  public void close() {
    Pair p = pair;
    if (p != null && p.ownedClient() != null) {
      p.ownedClient().close();
    }
  }
}
