package io.surprisal.cli;

import io.surprisal.demo.DemoProgress;
import java.util.Locale;
import java.util.Optional;

/** The human lines {@code surprisal demo} prints on stderr as it runs. */
final class DemoProgressLine {
  private DemoProgressLine() {}

  /**
   * One line on where the demo stands: before the first model, what the trainer still needs; after,
   * events scored per second since {@code before}, alerts, model version, precision and recall.
   */
  static String of(DemoProgress now, DemoProgress before) {
    double seconds = Math.max(1e-3, (now.elapsed().toNanos() - before.elapsed().toNanos()) / 1e9);
    String head = String.format(Locale.ROOT, "[%4ds] %,d written", now.elapsed().toSeconds(), now.written());
    if (now.waitingForFirstModel()) {
      String trainer = now.trainerWindow() >= now.firstModelEvents() ? "has them: training"
          : String.format(Locale.ROOT, "has %,d", now.trainerWindow());
      return String.format(Locale.ROOT, "%s (%,.0f/s) | waiting for the first model (trainer needs %,d events, %s)",
          head, (now.written() - before.written()) / seconds, now.firstModelEvents(), trainer);
    }
    long scored = now.scored().events();
    return String.format(Locale.ROOT, "%s | %,d scored (%,.0f/s) | %,d alerts | model v%d | precision %.3f recall %.3f"
            + " | dlq %,d", head, scored, (scored - before.scored().events()) / seconds, now.scored().alerts(),
        now.modelVersion().getAsLong(), now.scored().precision(), now.scored().recall(), now.deadLetters());
  }

  /** The last line, once the demo has stopped: what happened over the whole run. */
  static String end(DemoProgress last) {
    return String.format(Locale.ROOT, "done after %d s: %,d events written, %,d scored, %,d dead-lettered, %,d alerts;"
            + " precision %.3f, recall %.3f over the scored events; model versions published: %d",
        last.elapsed().toSeconds(), last.written(), last.scored().events(), last.deadLetters(), last.scored().alerts(),
        last.scored().precision(), last.scored().recall(), last.modelsPublished());
  }

  /** A line when the detector moved to another model version since {@code before}. */
  static Optional<String> modelChange(DemoProgress now, DemoProgress before) {
    if (now.modelVersion().isEmpty() || now.modelVersion().equals(before.modelVersion())) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "[%4ds] model v%d now scores the events (%d published so far)",
        now.elapsed().toSeconds(), now.modelVersion().getAsLong(), now.modelsPublished()));
  }
}
