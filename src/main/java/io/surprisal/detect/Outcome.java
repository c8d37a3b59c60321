package io.surprisal.detect;

import io.surprisal.avro.Alert;
import io.surprisal.avro.ScoredEvent;

/** What the scoring step makes of one event, routed by the topology to its topic. */
sealed interface Outcome {
  /** The event alerted: goes to the alerts topic. */
  record Alerted(Alert alert) implements Outcome {}

  /** The event's score, alert or not: goes to the scores topic, if there is one. */
  record Scored(ScoredEvent score) implements Outcome {}

  /** The event cannot be scored: its value bytes, unchanged, go to the dead-letter topic. */
  record DeadLettered(byte[] value) implements Outcome {}
}
