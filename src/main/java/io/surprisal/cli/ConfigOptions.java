package io.surprisal.cli;

import io.surprisal.config.Config;
import io.surprisal.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --config} and {@code --set} options of commands that talk to Kafka; a picocli mixin. */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with the settings; repeatable, a later file winning over an earlier one.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Sets one key, over the file and SURPRISAL_* variables; repeatable.")
  List<String> overrides = new ArrayList<>();

  /** The settings: the files in order, then the environment, then {@code --set}. */
  Config load() {
    return ConfigLoader.fromSystemEnvironment().load(files, overrides);
  }
}
