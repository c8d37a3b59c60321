package io.surprisal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delayBeforeRetry_doublesFromTheFirstDelayUpToTheCap() {
    var backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000));

    assertThat(backoff.delayBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delayBeforeRetry(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delayBeforeRetry(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delayBeforeRetry(5)).isEqualTo(Duration.ofMillis(1_000));
    assertThat(backoff.delayBeforeRetry(200)).isEqualTo(Duration.ofMillis(1_000));
  }

  @Test
  void delayBeforeRetry_zeroFirstDelay_neverWaits() {
    assertThat(new Backoff(Duration.ZERO, Duration.ofSeconds(1)).delayBeforeRetry(3)).isZero();
  }
}
