package io.surprisal.generate;

/** An endless, seeded stream of generated events with their ground truth. Not thread-safe. */
public interface EventSource {
  /** The next event. */
  LabelledEvent next();
}
