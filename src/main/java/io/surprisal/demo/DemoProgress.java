package io.surprisal.demo;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where a {@link Demo} stands at one moment.
 *
 * @param elapsed          time since the demo started its components
 * @param written          events the generator wrote to the input topic
 * @param scored           the events the detector scored (its scores topic) against their ground truth
 * @param deadLetters      events the detector could not score (its dead-letter topic)
 * @param modelVersion     the version the detector scores with now, empty while it waits for the first
 * @param modelsPublished  versions the trainer published since the demo started
 * @param trainerWindow    events in the trainer's window now
 * @param firstModelEvents events the trainer needs before it fits the first model
 */
public record DemoProgress(Duration elapsed, long written, Confusion scored, long deadLetters,
    OptionalLong modelVersion, long modelsPublished, int trainerWindow, int firstModelEvents) {

  public DemoProgress {
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(scored, "scored");
    Objects.requireNonNull(modelVersion, "modelVersion");
  }

  /** Before the first model the detector holds every event. */
  public boolean waitingForFirstModel() {
    return modelVersion.isEmpty();
  }

  /**
   * The demo's last line, for scripts: {@code summary events=N alerts=N precision=P recall=R
   * models=V dlq=N}. {@code events} are the events written; precision and recall (3 decimals, 0 when
   * undefined) are over the events scored; {@code models} is the number of versions published.
   */
  public String summaryLine() {
    return String.format(Locale.ROOT, "summary events=%d alerts=%d precision=%.3f recall=%.3f models=%d dlq=%d",
        written, scored.alerts(), scored.precision(), scored.recall(), modelsPublished, deadLetters);
  }
}
