package io.surprisal.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a command's {@link Config} from, in increasing precedence:
 *
 * <ol>
 *   <li>the keys' defaults;
 *   <li>the properties files given with {@code --config}, a later file winning over an earlier one
 *       (see below);
 *   <li>environment variables {@code SURPRISAL_*}, mapped to keys by {@link EnvironmentMapping};
 *   <li>{@code --set key=value} arguments, the last one winning.
 * </ol>
 *
 * <p>The file is UTF-8 {@code .properties} with the usual escapes and backslash continuations,
 * stricter than {@link java.util.Properties}: each entry is {@code key=value} or {@code key: value},
 * and a key may appear once. Errors name the file and line.
 */
public final class ConfigLoader {
  private final Map<String, String> environment;
  private final List<ConfigKey<?>> keys;

  /**
   * @param environment the environment variables, usually {@link System#getenv()}
   * @param keys the application's keys, usually {@link ConfigKeys#ALL}
   */
  public ConfigLoader(Map<String, String> environment, Collection<? extends ConfigKey<?>> keys) {
    this.environment = Map.copyOf(environment);
    this.keys = List.copyOf(keys);
  }

  /** A loader of this process's environment variables and all of {@link ConfigKeys#ALL}. */
  public static ConfigLoader fromSystemEnvironment() {
    return new ConfigLoader(System.getenv(), ConfigKeys.ALL);
  }

  /**
   * Reads the file, then overlays the environment and the overrides.
   *
   * @param file the properties file
   * @param overrides {@code key=value} texts from {@code --set}
   * @throws ConfigFileException if the file is missing, unreadable or malformed
   * @throws ConfigException if an override or a {@code SURPRISAL_*} variable is malformed
   */
  public Config load(Path file, List<String> overrides) {
    return build(PropertiesFile.read(file), overrides, file.toString());
  }

  /**
   * Reads the files in order (a key in a later file replaces the same key of an earlier one), then
   * overlays the environment and the overrides. With no files, like {@link #load(List)}.
   *
   * @param files properties files, e.g. shared settings, then the command's, then credentials
   * @param overrides {@code key=value} texts from {@code --set}
   * @throws ConfigFileException if a file is missing, unreadable or malformed
   * @throws ConfigException if an override or a {@code SURPRISAL_*} variable is malformed
   */
  public Config load(List<Path> files, List<String> overrides) {
    Map<String, ConfigValue> fromFiles = new LinkedHashMap<>();
    for (Path file : files) {
      fromFiles.putAll(PropertiesFile.read(file));
    }
    String names = files.isEmpty() ? null
        : String.join(" or ", files.stream().map(Path::toString).toList());
    return build(fromFiles, overrides, names);
  }

  /**
   * Like {@link #load(Path, List)} without a file: the environment and the overrides only.
   *
   * @throws ConfigException if an override or a {@code SURPRISAL_*} variable is malformed
   */
  public Config load(List<String> overrides) {
    return build(Map.of(), overrides, null);
  }

  private Config build(Map<String, ConfigValue> fromFile, List<String> overrides, String fileName) {
    Map<String, ConfigValue> values = new LinkedHashMap<>(fromFile);
    values.putAll(fromEnvironment());
    for (String override : overrides) {
      int equals = override.indexOf('=');
      if (equals <= 0 || override.substring(0, equals).isBlank()) {
        throw new ConfigException("--set expects key=value, got \"" + override + "\"");
      }
      values.put(override.substring(0, equals).strip(), new ConfigValue(override.substring(equals + 1), "--set"));
    }
    return new Config(values, keys, fileName);
  }

  /** Values of the {@code SURPRISAL_*} variables; two variables for one key are an error. */
  private Map<String, ConfigValue> fromEnvironment() {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    Map<String, String> variableOfKey = new TreeMap<>();
    new TreeMap<>(environment)
        .forEach(
            (variable, text) ->
                EnvironmentMapping.keyFor(variable)
                    .ifPresent(
                        key -> {
                          String other = variableOfKey.putIfAbsent(key, variable);
                          if (other != null) {
                            throw new ConfigException(
                                "environment variables " + other + " and " + variable
                                    + " both set '" + key + "'; remove one");
                          }
                          values.put(key, new ConfigValue(text, "environment variable " + variable));
                        }));
    return values;
  }
}
