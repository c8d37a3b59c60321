package io.surprisal.trainer;

/** How the trainer's bounded window chooses which events to keep. */
public enum WindowMode {
  /** The most recent {@code window.size} events. */
  SLIDING,
  /** A uniform random sample of every event seen (Vitter's algorithm R), seeded. */
  RESERVOIR
}
