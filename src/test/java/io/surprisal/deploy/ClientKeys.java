package io.surprisal.deploy;

import io.surprisal.config.ConfigKeys;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroSerdeConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every key a deployment file may set: the application's own ({@link ConfigKeys#names()}), and those
 * it passes through to Kafka Streams, the Kafka clients (also under the prefixes Streams reads, like
 * {@code producer.}), the schema registry client and the Avro serdes. A key outside this set is a
 * typo the application would silently pass on.
 */
final class ClientKeys {
  private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(StreamsConfig.CONSUMER_PREFIX,
      StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX,
      StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

  private ClientKeys() {}

  /** True if the application or one of the clients it configures reads the key. */
  static boolean known(String key) {
    if (ConfigKeys.names().contains(key) || clientKeys().contains(key)) {
      return true;
    }
    if (key.startsWith(StreamsConfig.TOPIC_PREFIX)) {
      return true; // topic-level configs of internal topics: any broker topic config
    }
    return STREAMS_CLIENT_PREFIXES.stream()
        .anyMatch(prefix -> key.startsWith(prefix) && clientKeys().contains(key.substring(prefix.length())));
  }

  /** The keys of Kafka Streams, the consumer, producer and admin client, the registry client and the serdes. */
  static Set<String> clientKeys() {
    Set<String> keys = new HashSet<>(StreamsConfig.configDef().names());
    keys.addAll(ConsumerConfig.configNames());
    keys.addAll(ProducerConfig.configNames());
    keys.addAll(AdminClientConfig.configNames());
    for (String registryKey : constants(SchemaRegistryConfig.class)) {
      keys.add(registryKey);
      keys.add("schema.registry." + registryKey); // Confluent's older prefix of the auth keys
    }
    keys.addAll(constants(AvroSerdeConfig.class));
    return keys;
  }

  /** The values of a class's public static final String fields: its documented key names. */
  private static Set<String> constants(Class<?> type) {
    Set<String> values = new HashSet<>();
    for (Field field : type.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return values;
  }
}
