package io.surprisal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioDistributionTest {

  @Test
  void locateIn_noRunnerAnywhere_tellsToRunMvnPackage(@TempDir Path empty) {
    Path missing = empty.resolve("missing");

    assertThatThrownBy(() -> ApicurioDistribution.locateIn(List.of(empty, missing)))
        .isInstanceOfSatisfying(ApicurioNotFoundException.class, e -> {
          assertThat(e.searched()).containsExactly(empty, missing);
          assertThat(e.getMessage()).contains("mvn package", "surprisal.apicurio.home", empty.toString());
        });
  }

  @Test
  void locateIn_runnerOneFolderDown_findsThatFolder(@TempDir Path root) throws Exception {
    Path nested = Files.createDirectories(root.resolve("apicurio-registry-app-3.3.3"));
    Files.createFile(nested.resolve("quarkus-run.jar"));

    assertThat(ApicurioDistribution.locateIn(List.of(root.resolve("missing"), root))).isEqualTo(nested);
  }

  @Test
  void locate_homePropertyWithoutRunner_failsNamingTheProperty(@TempDir Path wrong) {
    String previous = System.getProperty(ApicurioDistribution.HOME_PROPERTY);
    System.setProperty(ApicurioDistribution.HOME_PROPERTY, wrong.toString());
    try {
      assertThatThrownBy(ApicurioDistribution::locate)
          .isInstanceOf(ApicurioNotFoundException.class)
          .hasMessageContaining(ApicurioDistribution.HOME_PROPERTY)
          .hasMessageContaining(wrong.toString());
    } finally {
      if (previous == null) {
        System.clearProperty(ApicurioDistribution.HOME_PROPERTY);
      } else {
        System.setProperty(ApicurioDistribution.HOME_PROPERTY, previous);
      }
    }
  }

  @Test
  void startupTimeout_notPositive_isRejected() {
    assertThatThrownBy(() -> ApicurioRegistry.builder().startupTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
  }
}
