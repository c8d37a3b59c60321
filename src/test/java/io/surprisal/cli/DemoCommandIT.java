package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code surprisal demo --duration}: stops by itself, prints one summary line on stdout, leaves no registry behind. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DemoCommandIT {
  private static final Pattern SUMMARY = Pattern.compile(
      "summary events=(\\d+) alerts=\\d+ precision=\\d\\.\\d{3} recall=\\d\\.\\d{3} models=\\d+ dlq=\\d+\\R");
  private static final Pattern REGISTRY_PID = Pattern.compile("registry at \\S+ \\(pid (\\d+)\\)");

  @Test
  void demo_withDuration_stopsByItselfWithOneSummaryLineAndNoChildProcessLeft() {
    // 1. run the demo for 15 s at a low rate
    CliRunner.Result result = CliRunner.run("demo", "--duration", "15s", "--rate", "500");

    // 2. verify: exit 0, stdout is exactly the summary line, stderr tells what ran
    assertThat(result.exitCode()).as(result.err()).isZero();
    Matcher summary = SUMMARY.matcher(result.out());
    assertThat(summary.matches()).as(result.out()).isTrue();
    assertThat(Long.parseLong(summary.group(1))).isPositive();
    assertThat(result.err()).contains("Kafka at ", "generator: telemetry, 500 events/s", "stopping:", "done after ");

    // 3. verify: the registry's child process is gone
    Matcher pid = REGISTRY_PID.matcher(result.err());
    assertThat(pid.find()).as(result.err()).isTrue();
    Optional<ProcessHandle> registry = ProcessHandle.of(Long.parseLong(pid.group(1)));
    assertThat(registry.filter(ProcessHandle::isAlive)).isEmpty();
  }
}
