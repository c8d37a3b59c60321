package io.surprisal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentModelTest {
  private final CurrentModel current = new CurrentModel();

  private static ActiveModel version(long v) {
    return new ActiveModel("m", v, TestModels.hostReadings(), FeaturePaths.of(HostReadings.FEATURES), 0.05);
  }

  @Test
  void install_newerVersions_replaceTheCurrentOneAndAreAnnounced() {
    List<Long> announced = new ArrayList<>();
    current.onInstall(m -> announced.add(m.version()));

    assertThat(current.get()).isNull();
    assertThat(current.version()).isEmpty();
    assertThat(current.install(version(1))).isTrue();
    assertThat(current.install(version(5))).isTrue();

    assertThat(current.version()).hasValue(5);
    assertThat(announced).containsExactly(1L, 5L);
  }

  @Test
  void install_sameOrOlderVersion_changesNothing() {
    List<Long> announced = new ArrayList<>();
    current.install(version(3));
    current.onInstall(m -> announced.add(m.version()));

    assertThat(current.install(version(3))).isFalse();
    assertThat(current.install(version(2))).isFalse();

    assertThat(current.version()).hasValue(3);
    assertThat(announced).isEmpty();
  }
}
