package io.surprisal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryGeneratorTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("basedir", ""), "examples", "telemetry.csv");

  @Test
  void generate_isTheCommittedExample() throws IOException {
    assertThat(Files.readString(EXAMPLE))
        .as("examples/telemetry.csv is TelemetryGenerator's output; regenerate it after changing the generator")
        .isEqualTo(TelemetryGenerator.generate(TelemetryGenerator.ROWS, TelemetryGenerator.SEED));
  }

  @Test
  void generate_labelsAboutOnePercentAsAnomalies() {
    List<String> lines = TelemetryGenerator.generate(5000, 1).lines().toList();
    assertThat(lines.get(0)).isEqualTo(TelemetryGenerator.HEADER);
    assertThat(lines).hasSize(5001);
    long anomalies = lines.stream().skip(1).filter(l -> l.endsWith(",1")).count();
    assertThat(anomalies).isBetween(25L, 90L);
    assertThat(lines.stream().skip(1)).allSatisfy(l -> assertThat(l.split(",")).hasSize(7));
  }

  @Test
  void generate_sameSeedSameRows() {
    assertThat(TelemetryGenerator.generate(300, 3)).isEqualTo(TelemetryGenerator.generate(300, 3))
        .isNotEqualTo(TelemetryGenerator.generate(300, 4));
  }
}
