package io.surprisal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.config.Config;
import io.surprisal.config.EnvironmentMapping;
import io.surprisal.detect.DetectorConfig;
import io.surprisal.metrics.MetricsServer;
import io.surprisal.trainer.TrainerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml}, parsed (with its {@code <<} merges resolved) and checked against the
 * application: the settings each service gives the real configuration loader, the topics its
 * {@code topics} service creates, health checks and start-up order. ({@code .ci/run} also runs
 * {@code docker-compose config} on it where Debian's docker-compose can be installed.)
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final List<String> SURPRISAL_SERVICES = List.of("trainer", "detector", "generator");

  private static Map<String, Map<String, Object>> services;

  @TempDir Path dir;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws IOException {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      services = (Map<String, Map<String, Object>>) compose.get("services");
    }
  }

  @Test
  void services_areTheWholeStack() {
    assertThat(services).containsOnlyKeys("kafka", "schema-registry", "topics", "trainer", "detector", "generator");
    assertThat(services.get("kafka").get("image")).asString().startsWith("apache/kafka:");
    assertThat(services.get("schema-registry").get("image")).asString().startsWith("confluentinc/cp-schema-registry:");
  }

  @Test
  void kafkaImage_isTheVersionOfTheKafkaClientsWeBuildWith() throws IOException {
    Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
        .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(version.find()).isTrue();

    assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + version.group(1));
    assertThat(services.get("topics").get("image")).isEqualTo(services.get("kafka").get("image"));
  }

  @Test
  void surprisalServices_runTheImageBuiltFromTheDockerfileWithARealCommand() {
    for (String name : SURPRISAL_SERVICES) {
      Map<String, Object> service = services.get(name);
      assertThat(service.get("image")).as(name).isEqualTo("surprisal:latest");
      assertThat(service.get("build")).as(name).isEqualTo(".");
      assertThat(CommandSettings.parse(command(name)).command()).as(name)
          .isEqualTo(name.equals("trainer") ? "train" : name.equals("detector") ? "detect" : "generate");
    }
    assertThat(ROOT.resolve("Dockerfile")).exists();
  }

  @Test
  void environment_everySurprisalVariableNamesAKeyTheApplicationOrItsClientsRead() {
    for (String name : SURPRISAL_SERVICES) {
      for (String variable : environment(name).keySet()) {
        assertThat(variable).as(name).startsWith(EnvironmentMapping.PREFIX);
        String key = EnvironmentMapping.keyFor(variable).orElseThrow();
        assertThat(ClientKeys.known(key)).as(name + ": " + variable + " sets '" + key + "'").isTrue();
      }
    }
  }

  @Test
  void environment_makesSettingsTheCommandsAccept() {
    for (String name : SURPRISAL_SERVICES) {
      CommandSettings.Invocation invocation = CommandSettings.parse(command(name));
      Config config = CommandSettings.load(environment(name), invocation.configFiles(), invocation.overrides());

      CommandSettings.check(invocation.command(), config);
    }
  }

  @Test
  void topics_createdAreExactlyTheTopicsTheServicesUseAndModelsIsCompacted() throws Exception {
    Map<String, TopicScript.Call> created = created();

    Config trainer = settings("trainer");
    Config detector = settings("detector");
    Set<String> used = new HashSet<>(List.of(trainer.get(TrainerConfig.INPUT_TOPIC),
        trainer.get(TrainerConfig.MODELS_TOPIC), detector.get(DetectorConfig.INPUT_TOPIC),
        detector.get(DetectorConfig.MODELS_TOPIC), detector.get(DetectorConfig.ALERTS_TOPIC),
        detector.get(DetectorConfig.DLQ_TOPIC), detector.find(DetectorConfig.SCORES_TOPIC).orElseThrow()));
    List<String> generator = command("generator");
    used.add(generator.get(generator.indexOf("--topic") + 1));
    assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(used);
    assertThat(trainer.get(TrainerConfig.INPUT_TOPIC)).isEqualTo(detector.get(DetectorConfig.INPUT_TOPIC))
        .isEqualTo(generator.get(generator.indexOf("--topic") + 1));

    TopicScript.Call models = created.get(detector.get(DetectorConfig.MODELS_TOPIC));
    assertThat(models.configs()).containsEntry("cleanup.policy", "compact");
    assertThat(models.option("--partitions")).isEqualTo("1");
    assertThat(Integer.parseInt(created.get(detector.get(DetectorConfig.INPUT_TOPIC)).option("--partitions")))
        .as("input partitions, the most detectors that all get work").isGreaterThanOrEqualTo(3);
    assertThat(created.values()).allSatisfy(call -> {
      assertThat(call.has("--create")).isTrue();
      assertThat(call.has("--if-not-exists")).as("the one-shot job may run again").isTrue();
      assertThat(call.option("--bootstrap-server"))
          .isEqualTo(detector.get(io.surprisal.config.CommonConfig.BOOTSTRAP_SERVERS));
    });
  }

  @Test
  void healthchecks_probeReadinessOnEachCommandsMetricsPort() {
    for (String name : List.of("trainer", "detector")) {
      CommandSettings.Invocation invocation = CommandSettings.parse(command(name));
      int port = CommandSettings.check(invocation.command(), settings(name));
      assertThat(healthcheck(name)).as(name)
          .containsExactly("CMD", "curl", "-fsS", "-o", "/dev/null",
              "http://localhost:" + port + MetricsServer.READY_PATH);
    }
    assertThat(healthcheck("kafka")).contains("CMD-SHELL");
    assertThat(String.join(" ", healthcheck("schema-registry"))).contains("curl", "http://localhost:8081/");
  }

  @Test
  void dependsOn_startsEachServiceOnceWhatItNeedsIsHealthyOrDone() {
    assertThat(dependsOn("schema-registry")).isEqualTo(Map.of("kafka", "service_healthy"));
    assertThat(dependsOn("topics")).isEqualTo(Map.of("kafka", "service_healthy"));
    for (String name : SURPRISAL_SERVICES) {
      assertThat(dependsOn(name)).as(name).isEqualTo(Map.of("topics", "service_completed_successfully",
          "schema-registry", "service_healthy"));
    }
    for (String name : services.keySet()) {
      dependsOn(name).forEach((target, condition) -> {
        if (condition.equals("service_healthy")) {
          assertThat(services.get(target)).as(name + " waits for " + target + " to be healthy")
              .containsKey("healthcheck");
        }
      });
    }
    assertThat(services.get("topics").get("restart")).isEqualTo("no");
  }

  @Test
  void detector_hasNoFixedNameOrHostPortSoItScales() {
    assertThat(services.get("detector")).doesNotContainKeys("container_name", "ports", "hostname");
  }

  /** The Kafka image of the stack, which the Kubernetes topics Job uses too. */
  static String kafkaImage() throws IOException {
    if (services == null) {
      parse();
    }
    return String.valueOf(services.get("kafka").get("image"));
  }

  private Map<String, TopicScript.Call> created() throws Exception {
    List<String> command = command("topics");
    assertThat(services.get("topics").get("entrypoint")).isEqualTo(List.of("/bin/sh", "-ec"));
    assertThat(command).hasSize(1);
    // compose reads $$ as a literal $
    List<TopicScript.Call> calls = TopicScript.run(command.getFirst().replace("$$", "$"), dir, Map.of());
    Map<String, TopicScript.Call> created = new LinkedHashMap<>();
    calls.forEach(call -> created.put(call.option("--topic"), call));
    assertThat(created).as("one call per topic").hasSameSizeAs(calls);
    return created;
  }

  private static Config settings(String name) {
    CommandSettings.Invocation invocation = CommandSettings.parse(command(name));
    return CommandSettings.load(environment(name), invocation.configFiles(), invocation.overrides());
  }

  @SuppressWarnings("unchecked")
  private static List<String> command(String service) {
    return ((List<Object>) services.get(service).get("command")).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(String service) {
    Map<String, String> env = new LinkedHashMap<>();
    ((Map<String, Object>) services.get(service).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  @SuppressWarnings("unchecked")
  private static List<String> healthcheck(String service) {
    Map<String, Object> check = (Map<String, Object>) services.get(service).get("healthcheck");
    assertThat(check).as(service + " has a healthcheck").isNotNull();
    return ((List<Object>) check.get("test")).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> dependsOn(String service) {
    Map<String, String> conditions = new LinkedHashMap<>();
    Object dependsOn = services.get(service).get("depends_on");
    if (dependsOn != null) {
      ((Map<String, Map<String, Object>>) dependsOn).forEach((target, spec) ->
          conditions.put(target, String.valueOf(spec.get("condition"))));
    }
    return conditions;
  }
}
