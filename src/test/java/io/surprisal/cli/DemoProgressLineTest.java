package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.demo.Confusion;
import io.surprisal.demo.DemoProgress;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DemoProgressLineTest {
  private static DemoProgress progress(int seconds, long written, Confusion scored, OptionalLong version,
      int window) {
    return new DemoProgress(Duration.ofSeconds(seconds), written, scored, 0, version, version.orElse(0), window,
        5000);
  }

  @Test
  void of_beforeEnoughEvents_saysWhatTheTrainerNeedsAndHas() {
    DemoProgress before = progress(10, 0, Confusion.EMPTY, OptionalLong.empty(), 0);
    DemoProgress now = progress(12, 4000, Confusion.EMPTY, OptionalLong.empty(), 3210);

    assertThat(DemoProgressLine.of(now, before)).isEqualTo(
        "[  12s] 4,000 written (2,000/s) | waiting for the first model (trainer needs 5,000 events, has 3,210)");
  }

  @Test
  void of_enoughEventsButNoModel_saysItIsTraining() {
    DemoProgress before = progress(12, 4000, Confusion.EMPTY, OptionalLong.empty(), 3210);
    DemoProgress now = progress(17, 14_000, Confusion.EMPTY, OptionalLong.empty(), 10_000);

    assertThat(DemoProgressLine.of(now, before)).endsWith("(trainer needs 5,000 events, has them: training)");
  }

  @Test
  void of_withAModel_showsScoredRateAlertsVersionPrecisionAndRecall() {
    DemoProgress before = progress(30, 40_000, new Confusion(50, 5, 2, 19_943), OptionalLong.of(1), 10_000);
    DemoProgress now = progress(35, 50_000, new Confusion(90, 10, 5, 29_895), OptionalLong.of(2), 10_000);

    assertThat(DemoProgressLine.of(now, before)).isEqualTo("[  35s] 50,000 written | 30,000 scored (2,000/s)"
        + " | 100 alerts | model v2 | precision 0.900 recall 0.947 | dlq 0");
  }

  @Test
  void modelChange_onlyWhenTheVersionChanged() {
    DemoProgress v1 = progress(30, 40_000, Confusion.EMPTY, OptionalLong.of(1), 10_000);
    DemoProgress v2 = progress(35, 50_000, Confusion.EMPTY, OptionalLong.of(2), 10_000);

    assertThat(DemoProgressLine.modelChange(v2, v1)).contains("[  35s] model v2 now scores the events (2 published so far)");
    assertThat(DemoProgressLine.modelChange(v2, v2)).isEmpty();
    assertThat(DemoProgressLine.modelChange(progress(5, 0, Confusion.EMPTY, OptionalLong.empty(), 0), v1)).isEmpty();
  }

  @Test
  void end_summarisesTheRunInWords() {
    DemoProgress last = new DemoProgress(Duration.ofSeconds(101), 180_017, new Confusion(1735, 228, 65, 177_989), 0,
        OptionalLong.of(3), 3, 10_000, 5000);

    assertThat(DemoProgressLine.end(last)).isEqualTo("done after 101 s: 180,017 events written, 180,017 scored,"
        + " 0 dead-lettered, 1,963 alerts; precision 0.884, recall 0.964 over the scored events; model versions"
        + " published: 3");
  }
}
