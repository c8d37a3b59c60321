package io.surprisal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.surprisal.config.CommonConfig;
import io.surprisal.config.Config;
import io.surprisal.detect.DetectorConfig;
import io.surprisal.metrics.MetricsServer;
import io.surprisal.trainer.TrainerConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every manifest of {@code deploy/}, bound to fabric8's typed Kubernetes model and checked against
 * the application: the image and entrypoint of the Dockerfile, settings that pass the commands' own
 * checks, probes on the real health paths and metrics port, and the topics the Job creates.
 */
class KubernetesManifestsTest {
  private static final Path ROOT = DockerfileTest.ROOT;
  private static final Map<String, String> WORKLOADS = Map.of("surprisal-detector", "detect",
      "surprisal-trainer", "train");

  private static Manifests manifests;
  private static Dockerfile dockerfile;

  @TempDir Path dir;

  @BeforeAll
  static void read() throws IOException {
    manifests = Manifests.read(ROOT.resolve("deploy"));
    dockerfile = Dockerfile.read(ROOT.resolve("Dockerfile"));
  }

  @Test
  void kustomization_listsEveryManifestInDeploy() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("deploy"))) {
      assertThat(Manifests.resources(manifests.kustomization())).containsExactlyInAnyOrderElementsOf(files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList());
    }
    assertThat(manifests.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(WORKLOADS.keySet());
  }

  @Test
  void manifests_haveNoFieldTheKubernetesModelDoesNotKnow() {
    for (var object : manifests.objects()) {
      assertThat(Manifests.unknownFields(object, object.getKind() + " " + object.getMetadata().getName())).isEmpty();
    }
  }

  @Test
  void workloads_runTheDockerfilesImageAndEntrypointAsItsUser() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> image = ((List<Map<String, Object>>) manifests.kustomization().get("images")).getFirst();
    String uid = dockerfile.runtime().last("USER").orElseThrow().split(":")[0];
    for (Map.Entry<String, String> workload : WORKLOADS.entrySet()) {
      PodTemplateSpec pod = manifests.get(Deployment.class, workload.getKey()).getSpec().getTemplate();
      Container container = pod.getSpec().getContainers().getFirst();

      assertThat(container.getImage()).as(workload.getKey()).isEqualTo(image.get("name")).isEqualTo("surprisal");
      assertThat(container.getCommand()).as("the image's ENTRYPOINT, or none").isIn(List.of(),
          DockerfileTest.entrypoint(dockerfile));
      assertThat(CommandSettings.parse(container.getArgs()).command()).isEqualTo(workload.getValue());
      assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(Long.parseLong(uid));
    }
  }

  @Test
  void configuration_everyKeyIsKnownAndEachWorkloadsSettingsPassItsCommandsChecks() throws IOException {
    ConfigMap config = manifests.get(ConfigMap.class, "surprisal-config");
    Secret credentials = manifests.get(Secret.class, "surprisal-credentials");
    Map<String, String> files = new LinkedHashMap<>(config.getData());
    files.putAll(Manifests.secretData(credentials));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Properties properties = new Properties();
      properties.load(new StringReader(file.getValue()));
      assertThat(properties.stringPropertyNames()).as(file.getKey()).isNotEmpty()
          .allSatisfy(key -> assertThat(ClientKeys.known(key)).as(file.getKey() + ": " + key).isTrue());
    }
    for (String name : WORKLOADS.keySet()) {
      assertThat(settings(name)).isNotNull(); // settings() runs the command's checks
    }
  }

  @Test
  void probes_askTheHealthPathsOnTheMetricsPortThePrometheusAnnotationsName() throws IOException {
    for (String name : WORKLOADS.keySet()) {
      PodTemplateSpec pod = manifests.get(Deployment.class, name).getSpec().getTemplate();
      Container container = pod.getSpec().getContainers().getFirst();
      int port = CommandSettings.check(WORKLOADS.get(name), settings(name));
      ContainerPort metrics = container.getPorts().stream().filter(p -> "metrics".equals(p.getName())).findFirst()
          .orElseThrow();

      assertThat(metrics.getContainerPort()).as(name).isEqualTo(port);
      assertThat(path(container.getLivenessProbe(), port)).isEqualTo(MetricsServer.LIVE_PATH);
      assertThat(path(container.getReadinessProbe(), port)).isEqualTo(MetricsServer.READY_PATH);
      assertThat(path(container.getStartupProbe(), port)).isEqualTo(MetricsServer.LIVE_PATH);
      assertThat(pod.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", String.valueOf(port))
          .containsEntry("prometheus.io/path", MetricsServer.METRICS_PATH);
    }
  }

  @Test
  void workloads_requestAndLimitCpuAndMemory() {
    for (String name : WORKLOADS.keySet()) {
      var resources = manifests.get(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers()
          .getFirst().getResources();
      assertThat(resources.getRequests()).as(name).containsKeys("cpu", "memory");
      assertThat(resources.getLimits()).as(name).containsKeys("cpu", "memory");
      assertThat(resources.getLimits().get("memory").getNumericalAmount())
          .isGreaterThanOrEqualTo(resources.getRequests().get("memory").getNumericalAmount());
    }
  }

  @Test
  void trainer_isOneReplicaReplacedByRecreate() {
    Deployment trainer = manifests.get(Deployment.class, "surprisal-trainer");

    assertThat(trainer.getSpec().getReplicas()).isEqualTo(1);
    assertThat(trainer.getSpec().getStrategy().getType()).isEqualTo("Recreate");
  }

  @Test
  void detector_hasAtMostAReplicaPerInputPartitionAndADisruptionBudget() throws Exception {
    Deployment detector = manifests.get(Deployment.class, "surprisal-detector");
    PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, "surprisal-detector");
    String input = settings("surprisal-detector").get(DetectorConfig.INPUT_TOPIC);

    assertThat(detector.getSpec().getReplicas()).isBetween(2,
        Integer.parseInt(created().get(input).option("--partitions")));
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .isEqualTo(detector.getSpec().getSelector().getMatchLabels());
    assertThat(detector.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
  }

  @Test
  void topicsJob_createsExactlyTheTopicsTheWorkloadsUseWithTheirBrokersAndCredentials() throws Exception {
    Config detector = settings("surprisal-detector");
    Config trainer = settings("surprisal-trainer");
    Map<String, TopicScript.Call> created = created();

    assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(new HashSet<>(List.of(
        trainer.get(TrainerConfig.INPUT_TOPIC), trainer.get(TrainerConfig.MODELS_TOPIC),
        detector.get(DetectorConfig.INPUT_TOPIC), detector.get(DetectorConfig.MODELS_TOPIC),
        detector.get(DetectorConfig.ALERTS_TOPIC), detector.get(DetectorConfig.DLQ_TOPIC),
        detector.find(DetectorConfig.SCORES_TOPIC).orElseThrow())));
    assertThat(created.get(detector.get(DetectorConfig.MODELS_TOPIC)).configs())
        .containsEntry("cleanup.policy", "compact");
    assertThat(created.values()).allSatisfy(call -> {
      assertThat(call.has("--create")).isTrue();
      assertThat(call.has("--if-not-exists")).isTrue();
      assertThat(call.option("--bootstrap-server")).isEqualTo(detector.get(CommonConfig.BOOTSTRAP_SERVERS));
      assertThat(Path.of(call.option("--command-config"))).exists();
    });
    Container container = manifests.get(Job.class, "surprisal-topics").getSpec().getTemplate().getSpec()
        .getContainers().getFirst();
    assertThat(container.getImage()).isEqualTo(ComposeFileTest.kafkaImage());
  }

  /** The topics the Job's script creates, run with its mounts laid out under the test's directory. */
  private Map<String, TopicScript.Call> created() throws Exception {
    var pod = manifests.get(Job.class, "surprisal-topics").getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().getFirst();
    assertThat(container.getCommand()).isEqualTo(List.of("/bin/sh", "-ec"));
    Path root = Files.createDirectories(dir.resolve("job"));
    Map<String, TopicScript.Call> created = new LinkedHashMap<>();
    for (TopicScript.Call call : TopicScript.run(container.getArgs().getFirst(), root,
        manifests.mount(pod, container, root))) {
      created.put(call.option("--topic"), call);
    }
    return created;
  }

  /** The settings a workload's container reads: its mounted files, its variables and --sets. */
  private Config settings(String name) throws IOException {
    var pod = manifests.get(Deployment.class, name).getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().getFirst();
    Path root = Files.createDirectories(dir.resolve(name));
    Map<String, Path> mounts = manifests.mount(pod, container, root);
    CommandSettings.Invocation invocation = CommandSettings.parse(container.getArgs());
    List<Path> files = invocation.configFiles().stream().map(file -> {
      String mountPath = file.getParent().toString();
      assertThat(mounts).as(file + " is in a mounted ConfigMap or Secret").containsKey(mountPath);
      return mounts.get(mountPath).resolve(file.getFileName());
    }).toList();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      env.put(variable.getName(), variable.getValue());
    }
    Set<String> launcherVariables = io.surprisal.config.EnvironmentMapping.RESERVED;
    assertThat(env.keySet()).allSatisfy(v -> assertThat(launcherVariables.contains(v)
        || ClientKeys.known(io.surprisal.config.EnvironmentMapping.keyFor(v).orElseThrow())).as(v).isTrue());
    Config config = CommandSettings.load(env, files, invocation.overrides());
    CommandSettings.check(invocation.command(), config);
    return config;
  }

  private static String path(Probe probe, int port) {
    assertThat(probe).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    assertThat(get.getPort().getStrVal() != null ? "metrics" : String.valueOf(get.getPort().getIntVal()))
        .isIn("metrics", String.valueOf(port));
    return get.getPath();
  }
}
