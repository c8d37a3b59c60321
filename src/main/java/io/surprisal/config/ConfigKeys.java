package io.surprisal.config;

import io.surprisal.detect.DetectorConfig;
import io.surprisal.metrics.MetricsConfig;
import io.surprisal.trainer.TrainerConfig;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every key the application defines, so that documentation, {@code --help} and the checks of the
 * deployment manifests can list them. A command declares its keys as constants and a {@code KEYS}
 * list in one class (like {@link CommonConfig}); add that list to {@link #ALL}.
 */
public final class ConfigKeys {
  /** All application keys, sorted by name. Class loading fails if two share a name. */
  public static final List<ConfigKey<?>> ALL =
      combine(List.of(CommonConfig.KEYS, PipelineConfig.KEYS, TrainerConfig.KEYS, DetectorConfig.KEYS,
          MetricsConfig.KEYS));

  private ConfigKeys() {}

  /** The names of {@link #ALL}. */
  public static Set<String> names() {
    return ALL.stream().map(ConfigKey::name).collect(Collectors.toUnmodifiableSet());
  }

  /** The application key of that name, if there is one. */
  public static Optional<ConfigKey<?>> byName(String name) {
    return ALL.stream().filter(key -> key.name().equals(name)).findFirst();
  }

  /**
   * The keys of all lists, sorted by name.
   *
   * @throws IllegalStateException if two keys share a name
   */
  static List<ConfigKey<?>> combine(List<List<ConfigKey<?>>> lists) {
    List<ConfigKey<?>> all =
        lists.stream()
            .flatMap(List::stream)
            .sorted(Comparator.comparing(ConfigKey::name))
            .toList();
    Set<String> seen = new HashSet<>();
    for (ConfigKey<?> key : all) {
      if (!seen.add(key.name())) {
        throw new IllegalStateException(
            "two application config keys are named '" + key.name() + "'");
      }
    }
    return all;
  }
}
