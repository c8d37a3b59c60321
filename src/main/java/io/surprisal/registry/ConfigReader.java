package io.surprisal.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads typed values from a Kafka-style configuration map, where a value may arrive as a
 * {@code String} (from a properties file), a boxed primitive or a {@code List} (from code).
 *
 * <p>Every getter throws {@link ConfigException} naming the key and the bad value. Keys listed
 * as secret never have their value repeated in an exception message.
 */
public final class ConfigReader {
  private final Map<String, ?> values;

  public ConfigReader(Map<String, ?> values) {
    this.values = Map.copyOf(withoutNullValues(values));
  }

  private static Map<String, ?> withoutNullValues(Map<String, ?> values) {
    var copy = new java.util.HashMap<String, Object>();
    values.forEach((k, v) -> {
      if (k != null && v != null) {
        copy.put(k, v);
      }
    });
    return copy;
  }

  /** The raw value of {@code key}, if present. */
  public Optional<Object> raw(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The value of {@code key} as trimmed text; blank text counts as absent. */
  public Optional<String> string(String key) {
    return raw(key).map(v -> v.toString().trim()).filter(s -> !s.isEmpty());
  }

  /** A comma-separated list (or a {@code List}) with blank entries dropped. */
  public List<String> list(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    var items = value instanceof List<?> list
        ? list.stream().map(String::valueOf)
        : Arrays.stream(value.toString().split(","));
    return items.map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * A boolean; only {@code true} and {@code false} (any case) are accepted.
   *
   * @throws ConfigException if the value is anything else
   */
  public boolean bool(String key, boolean defaultValue) {
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(key, value, "expected true or false");
  }

  /**
   * A whole number no smaller than {@code min}.
   *
   * @throws ConfigException if the value is not a whole number or is below {@code min}
   */
  public long number(String key, long defaultValue, long min) {
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    long parsed;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      parsed = ((Number) value).longValue();
    } else {
      try {
        parsed = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(key, value, "expected a whole number");
      }
    }
    if (parsed < min) {
      throw new ConfigException(key, value, "must be at least " + min);
    }
    return parsed;
  }
}
