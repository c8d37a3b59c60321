package io.surprisal.config;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings of one run of a command: the application's own keys, read typed and validated with
 * {@link #get} and {@link #find}, and every other key, handed unchanged to Kafka by {@link
 * #passThrough}. Values are parsed when asked for, so an error names the key, the expectation, the
 * text and where the text came from. Made by {@link ConfigLoader}; immutable.
 */
public final class Config {
  private final Map<String, ConfigValue> values;
  private final Map<String, ConfigKey<?>> keys;
  private final String fileName;

  Config(Map<String, ConfigValue> values, Collection<? extends ConfigKey<?>> keys, String fileName) {
    this.values = Map.copyOf(values);
    this.keys =
        keys.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    ConfigKey::name,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalArgumentException("two keys named '" + a.name() + "'");
                    }));
    this.fileName = fileName;
  }

  /**
   * A config holding exactly the given values, for tests and for code that builds settings itself.
   * Each value's origin is "the given map".
   *
   * @param keys the application's keys; see {@link ConfigKeys#ALL}
   */
  public static Config of(Map<String, String> values, Collection<? extends ConfigKey<?>> keys) {
    Map<String, ConfigValue> raw = new LinkedHashMap<>();
    values.forEach((k, v) -> raw.put(k, new ConfigValue(v, "the given map")));
    return new Config(raw, keys, null);
  }

  /**
   * The value of the key, or its default.
   *
   * @throws MissingConfigException if the key is unset and has no default
   * @throws InvalidConfigValueException if the value does not parse or fails the key's validator
   * @throws IllegalArgumentException if the key is not one of this config's application keys
   */
  public <T> T get(ConfigKey<T> key) {
    return find(key).orElseThrow(() -> missing(key));
  }

  /**
   * The value of the key, its default, or empty if it has neither.
   *
   * @throws InvalidConfigValueException if the value does not parse or fails the key's validator
   * @throws IllegalArgumentException if the key is not one of this config's application keys
   */
  public <T> Optional<T> find(ConfigKey<T> key) {
    if (keys.get(key.name()) != key) {
      throw new IllegalArgumentException(
          "config key '" + key.name() + "' is not registered; add its class to ConfigKeys.ALL");
    }
    ConfigValue raw = values.get(key.name());
    if (raw == null) {
      return key.defaultValue();
    }
    return Optional.of(parse(key, raw));
  }

  /**
   * Every setting whose key the application does not define, unchanged: security settings,
   * producer, consumer and Kafka Streams tuning. Sorted by key.
   */
  public Map<String, String> passThrough() {
    Map<String, String> result = new TreeMap<>();
    values.forEach(
        (name, value) -> {
          if (!keys.containsKey(name)) {
            result.put(name, value.text());
          }
        });
    return Collections.unmodifiableMap(result);
  }

  /** The application's keys this config knows, sorted by name. */
  public List<ConfigKey<?>> applicationKeys() {
    return keys.values().stream()
        .sorted(Comparator.comparing(ConfigKey::name))
        .toList();
  }

  /** Where the value of a key came from, or empty if it is unset: {@code "detector.properties line 3"}. */
  public Optional<String> origin(String name) {
    return Optional.ofNullable(values.get(name)).map(ConfigValue::origin);
  }

  private <T> T parse(ConfigKey<T> key, ConfigValue raw) {
    T value;
    try {
      value = key.type().parse(raw.text());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigValueException(
          key.name(), key.type().expectation(), raw.text(), raw.origin(), e);
    }
    Optional<Validator<? super T>> validator = key.validator();
    if (validator.isPresent() && !validator.get().accepts(value)) {
      throw new InvalidConfigValueException(
          key.name(), validator.get().expectation(), raw.text(), raw.origin(), null);
    }
    return value;
  }

  private MissingConfigException missing(ConfigKey<?> key) {
    String file = fileName == null ? "" : " in " + fileName + ",";
    return new MissingConfigException(
        key.name(),
        "missing required setting '%s': set it%s with the environment variable %s or with --set %s=..."
            .formatted(key.name(), file, EnvironmentMapping.variableFor(key.name()), key.name()));
  }

  /** Lists the key names only: values may be secrets. */
  @Override
  public String toString() {
    return "Config" + new TreeMap<>(values).keySet();
  }
}
