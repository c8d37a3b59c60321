package io.surprisal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.cli.Main;
import io.surprisal.config.CommonConfig;
import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.config.ConfigLoader;
import io.surprisal.detect.DetectorConfig;
import io.surprisal.metrics.MetricsConfig;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.trainer.Trainer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What a container of a deployment file would run: its arguments parsed by the real command line,
 * and its settings (files, {@code SURPRISAL_*} variables, {@code --set}) read by the real {@link
 * ConfigLoader} and checked the way the command checks them before it connects to anything.
 */
final class CommandSettings {
  private CommandSettings() {}

  /** A parsed {@code surprisal} command line: the subcommand, its config files and {@code --set}s. */
  record Invocation(String command, List<Path> configFiles, List<String> overrides) {}

  /**
   * Parses the arguments as {@code bin/surprisal} would.
   *
   * @throws CommandLine.ParameterException if they are not a valid command line
   */
  static Invocation parse(List<String> arguments) {
    // enum values case-insensitively, as Main.run configures the command line
    ParseResult parsed = new CommandLine(Main.class).setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs(arguments.toArray(String[]::new));
    assertThat(parsed.hasSubcommand()).as("a subcommand in " + arguments).isTrue();
    ParseResult sub = parsed.subcommand();
    List<Path> files = sub.hasMatchedOption("--config") ? sub.matchedOptionValue("--config", List.<Path>of())
        : List.of();
    List<String> sets = sub.hasMatchedOption("--set") ? sub.matchedOptionValue("--set", List.<String>of())
        : List.of();
    return new Invocation(sub.commandSpec().name(), files, sets);
  }

  /** The settings that the variables, files and overrides make, as the command would read them. */
  static Config load(Map<String, String> environment, List<Path> files, List<String> overrides) {
    return new ConfigLoader(environment, ConfigKeys.ALL).load(files, overrides);
  }

  /**
   * Checks the settings as the command does before connecting (every key it reads parses and
   * validates, and Kafka Streams accepts its configuration), and returns the port of its metrics
   * endpoint, 0 if it has none.
   */
  static int check(String command, Config config) {
    return switch (command) {
      case "detect" -> {
        DetectorConfig.settings(config);
        new StreamsConfig(DetectorConfig.streamsConfig(config));
        SchemaRegistryConfig.parse(config.passThrough());
        yield MetricsConfig.address(config, MetricsConfig.DETECT_DEFAULT_PORT).map(InetSocketAddress::getPort)
            .orElse(0);
      }
      case "train" -> {
        new Trainer(config).close();
        SchemaRegistryConfig.parse(config.passThrough());
        yield MetricsConfig.address(config, MetricsConfig.TRAIN_DEFAULT_PORT).map(InetSocketAddress::getPort)
            .orElse(0);
      }
      case "generate" -> {
        SchemaRegistryConfig.parse(CommonConfig.kafkaClientConfig(config));
        yield 0;
      }
      default -> throw new AssertionError("no settings check for command " + command);
    };
  }
}
