package io.surprisal.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.ModelVersion;
import io.surprisal.detect.HostReadings;
import io.surprisal.detect.TestModels;
import io.surprisal.kafka.ModelVersionNumber;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsTopicVersionsTest {

  private static ModelVersion version(String name, long number) {
    return TestModels.version(name, number, "in", HostReadings.SPEC, new byte[] {1});
  }

  @Test
  void latest_ignoresNumbersOutsideTheValidRange_soTheNextVersionStaysReachable() {
    List<ModelVersion> all = List.of(version("m", 3), version("m", Long.MAX_VALUE), version("m", -1),
        version("m", ModelVersionNumber.MAX + 1), version("other", 9));

    assertThat(ModelsTopic.latest(all, "m")).get().extracting(ModelVersion::getVersion).isEqualTo(3L);
    assertThat(ModelsTopic.versionsOf(all, "m")).extracting(ModelVersion::getVersion).containsExactly(3L);
    assertThat(ModelVersionNumber.next(ModelsTopic.latest(all, "m").orElseThrow().getVersion())).isEqualTo(4);
  }
}
