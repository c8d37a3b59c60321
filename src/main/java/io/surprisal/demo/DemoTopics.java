package io.surprisal.demo;

import io.surprisal.local.EmbeddedKafka;
import java.util.List;
import java.util.Map;

/**
 * The demo's topics: generated events in, and the detector's alerts, scores and dead letters out;
 * model versions on a compacted topic between the trainer and the detector.
 */
public record DemoTopics(String input, String alerts, String scores, String deadLetters, String models) {
  /** The names the demo uses (its broker is new each run, so they never clash). */
  public static final DemoTopics DEFAULT =
      new DemoTopics("telemetry", "telemetry-alerts", "telemetry-scores", "telemetry-dlq", "surprisal-models");

  /** Creates the topics: the input with {@code inputPartitions}, the others with one, the models topic compacted. */
  void create(EmbeddedKafka kafka, int inputPartitions) {
    kafka.createTopic(input, inputPartitions, Map.of());
    for (String output : List.of(alerts, scores, deadLetters)) {
      kafka.createTopic(output, 1, Map.of());
    }
    kafka.createTopic(models, 1, Map.of("cleanup.policy", "compact"));
  }

  /** One line naming the topics, for the demo's start-up messages. */
  String describe(int inputPartitions) {
    return input + " (" + inputPartitions + " partitions) -> " + alerts + ", " + scores + ", " + deadLetters
        + "; models on " + models + " (compacted)";
  }
}
