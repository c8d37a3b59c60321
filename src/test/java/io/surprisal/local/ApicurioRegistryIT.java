package io.surprisal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.registry.Compatibility;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starts and stops a registry of its own (not the shared fixture's) to check the life cycle. */
class ApicurioRegistryIT {

  @Test
  void start_withCompatibility_servesTheApiAndCloseLeavesNoProcess() throws Exception {
    ApicurioRegistry registry = ApicurioRegistry.builder().compatibility(Compatibility.BACKWARD).start();
    long pid = registry.pid();
    URI url = URI.create(registry.url());
    Path log = registry.log();
    List<ProcessHandle> tree;
    try (SchemaRegistryClient client = SchemaRegistryClient.create(SchemaRegistryConfig.of(registry.url()))) {
      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(url.getPath()).isEqualTo("/apis/ccompat/v7");
      assertThat(client.getCompatibility("any-subject")).isEqualTo(Compatibility.BACKWARD);
      assertThat(Files.readString(log)).contains("Listening on: http://127.0.0.1:" + url.getPort());
      ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
      tree = new java.util.ArrayList<>(root.descendants().toList());
      tree.add(root);
    } finally {
      registry.close();
    }

    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(log).doesNotExist();
    assertThatThrownBy(() -> new Socket("127.0.0.1", url.getPort()).close()).isInstanceOf(ConnectException.class);
    registry.close(); // a second close is harmless
  }
}
