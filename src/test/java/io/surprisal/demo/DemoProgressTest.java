package io.surprisal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DemoProgressTest {
  @Test
  void summaryLine_isTheMachineReadableFormat() {
    DemoProgress p = new DemoProgress(Duration.ofSeconds(95), 180_017, new Confusion(1735, 228, 65, 177_989), 2,
        OptionalLong.of(3), 3, 10_000, 5000);

    assertThat(p.summaryLine())
        .isEqualTo("summary events=180017 alerts=1963 precision=0.884 recall=0.964 models=3 dlq=2");
  }

  @Test
  void summaryLine_underALocaleWithDecimalCommas_stillUsesDots() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      DemoProgress p = new DemoProgress(Duration.ZERO, 10, new Confusion(1, 1, 0, 8), 0, OptionalLong.of(1), 1, 10,
          10);
      assertThat(p.summaryLine()).isEqualTo("summary events=10 alerts=2 precision=0.500 recall=1.000 models=1 dlq=0");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void summaryLine_beforeAnyModel_hasZerosNotNaN() {
    DemoProgress p = new DemoProgress(Duration.ofSeconds(3), 6000, Confusion.EMPTY, 0, OptionalLong.empty(), 0,
        6000, 5000);

    assertThat(p.waitingForFirstModel()).isTrue();
    assertThat(p.summaryLine()).isEqualTo("summary events=6000 alerts=0 precision=0.000 recall=0.000 models=0 dlq=0");
  }
}
