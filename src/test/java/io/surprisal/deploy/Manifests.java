package io.surprisal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The objects of {@code deploy/}, read from the files its kustomization lists and bound to fabric8's
 * typed Kubernetes model, and what a pod of them would see in its mounted volumes.
 */
final class Manifests {
  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "Namespace", Namespace.class, "ConfigMap", ConfigMap.class, "Secret", Secret.class, "Job", Job.class,
      "Deployment", Deployment.class, "PodDisruptionBudget", PodDisruptionBudget.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, Object> kustomization;
  private final List<HasMetadata> objects;

  private Manifests(Map<String, Object> kustomization, List<HasMetadata> objects) {
    this.kustomization = kustomization;
    this.objects = objects;
  }

  static Manifests read(Path deploy) throws IOException {
    Map<String, Object> kustomization = yaml(deploy.resolve("kustomization.yaml")).getFirst();
    List<HasMetadata> objects = new ArrayList<>();
    for (String resource : resources(kustomization)) {
      for (Map<String, Object> document : yaml(deploy.resolve(resource))) {
        Class<? extends HasMetadata> type = KINDS.get(String.valueOf(document.get("kind")));
        assertThat(type).as(resource + ": kind " + document.get("kind") + " is one this test knows").isNotNull();
        objects.add(JSON.convertValue(document, type));
      }
    }
    return new Manifests(kustomization, List.copyOf(objects));
  }

  @SuppressWarnings("unchecked")
  static List<String> resources(Map<String, Object> kustomization) {
    return (List<String>) kustomization.get("resources");
  }

  Map<String, Object> kustomization() {
    return kustomization;
  }

  List<HasMetadata> objects() {
    return objects;
  }

  /** The object of this type and name. */
  <T extends HasMetadata> T get(Class<T> type, String name) {
    return objects.stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("deploy/ has no " + type.getSimpleName() + " " + name));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Writes the files that the container's mounted ConfigMaps and Secrets hold under {@code root},
   * and returns each mount path with where its files now are.
   */
  Map<String, Path> mount(PodSpec pod, Container container, Path root) throws IOException {
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
          .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
      Map<String, String> files = new LinkedHashMap<>();
      if (volume.getConfigMap() != null) {
        files.putAll(get(ConfigMap.class, volume.getConfigMap().getName()).getData());
      } else if (volume.getSecret() != null) {
        files.putAll(secretData(get(Secret.class, volume.getSecret().getSecretName())));
      } else {
        continue; // an emptyDir
      }
      Path dir = Files.createDirectories(root.resolve(mount.getMountPath().substring(1)));
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(dir.resolve(file.getKey()), file.getValue());
      }
      mounts.put(mount.getMountPath(), dir);
    }
    return mounts;
  }

  /** A Secret's files: stringData as written, data decoded. */
  static Map<String, String> secretData(Secret secret) {
    Map<String, String> files = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> files.put(k, new String(Base64.getDecoder().decode(v))));
    }
    if (secret.getStringData() != null) {
      files.putAll(secret.getStringData());
    }
    return files;
  }

  /**
   * Paths to fields that the typed model did not know (fabric8 keeps them in additionalProperties
   * rather than failing): typos such as {@code readinesProbe}.
   */
  static List<String> unknownFields(Object object, String path) {
    List<String> unknown = new ArrayList<>();
    if (object instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknown.addAll(unknownFields(item, path + "[" + i++ + "]"));
      }
      return unknown;
    }
    if (object instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknown.addAll(unknownFields(v, path + "." + k)));
      return unknown;
    }
    if (object == null || !object.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
      return unknown;
    }
    for (Method getter : object.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(object);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
      } else {
        unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3)));
      }
    }
    return unknown;
  }

  private static List<Map<String, Object>> yaml(Path file) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
        if (document != null) {
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) document;
          documents.add(map);
        }
      }
    }
    return documents;
  }
}
