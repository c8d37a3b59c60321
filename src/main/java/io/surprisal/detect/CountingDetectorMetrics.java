package io.surprisal.detect;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** {@link DetectorMetrics} as in-memory counters. */
final class CountingDetectorMetrics implements DetectorMetrics {
  private static final long NO_MODEL = -1;

  private final LongAdder eventsScored = new LongAdder();
  private final LongAdder alerts = new LongAdder();
  private final Map<DeadLetterCode, LongAdder> deadLetters = new EnumMap<>(DeadLetterCode.class);
  private final LongAdder modelSwaps = new LongAdder();
  private final LongAdder modelRefusals = new LongAdder();
  private final AtomicLong modelVersion = new AtomicLong(NO_MODEL);

  CountingDetectorMetrics() {
    // filled once here and only read afterwards, so the EnumMap needs no lock
    for (DeadLetterCode code : DeadLetterCode.values()) {
      deadLetters.put(code, new LongAdder());
    }
  }

  @Override
  public void eventScored(long scoringNanos) {
    eventsScored.increment();
  }

  @Override
  public void alertRaised() {
    alerts.increment();
  }

  @Override
  public void deadLettered(DeadLetterCode code) {
    deadLetters.get(code).increment();
  }

  @Override
  public void modelSwapped(long version) {
    modelSwaps.increment();
    modelVersion.set(version);
  }

  @Override
  public void modelRefused() {
    modelRefusals.increment();
  }

  @Override
  public Snapshot snapshot() {
    Map<DeadLetterCode, Long> dlq = new EnumMap<>(DeadLetterCode.class);
    deadLetters.forEach((code, count) -> dlq.put(code, count.sum()));
    long version = modelVersion.get();
    return new Snapshot(eventsScored.sum(), alerts.sum(), dlq, modelSwaps.sum(), modelRefusals.sum(),
        version == NO_MODEL ? OptionalLong.empty() : OptionalLong.of(version));
  }
}
