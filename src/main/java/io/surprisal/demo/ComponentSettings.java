package io.surprisal.demo;

import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings the demo gives its trainer and detector, as a user would write them in their files. */
final class ComponentSettings {
  private static final String MODEL_NAME = "surprisal";

  private ComponentSettings() {}

  /**
   * The trainer: a small masked autoregressive flow (4 layers of width 16, 20 epochs) fits a
   * 5000-event window in about 4 s on 2 cores, and 10,000 events in about 10 s. Measured on the
   * simulator's events at alpha 0.001, it finds all the anomalies that the default spline flow of
   * the same size misses (memory jumps of the smallest service, which only stand out given the
   * service's traffic: recall 1.0 against 0.92) at the same false-positive rate. 30 % of the fitted
   * rows calibrate, so even the first model has more than the 999 calibration rows that a p-value of
   * 0.001 needs. Later models fit on every window event ({@code retrain.exclude.flagged=false}),
   * which keeps their false-positive rate near alpha (0.15 % against 0.40 % by the third model).
   *
   * @param clients {@code bootstrap.servers} and {@code schema.registry.url}
   */
  static Config trainer(DemoSettings settings, DemoTopics topics, Map<String, Object> clients) {
    Map<String, String> values = strings(clients);
    values.put("input.topic", topics.input());
    values.put("models.topic", topics.models());
    values.put("model.name", MODEL_NAME);
    values.put("group.id", "surprisal-demo-trainer");
    values.put("window.size", Integer.toString(settings.windowSize()));
    values.put("retrain.min.new.events", Integer.toString(settings.minNewEvents()));
    values.put("retrain.interval", settings.retrainInterval().toMillis() + "ms");
    values.put("model.seed", Long.toString(settings.seed()));
    values.put("model.flow", "maf");
    values.put("model.layers", "4");
    values.put("model.hidden", "16");
    values.put("model.epochs", "20");
    values.put("model.calibration.fraction", "0.3");
    values.put("retrain.exclude.flagged", "false");
    return Config.of(values, ConfigKeys.ALL);
  }

  /**
   * The detector: at-least-once, one stream thread, alpha from the models, and every score to the
   * scores topic for the {@link GroundTruthMonitor}.
   */
  static Config detector(DemoTopics topics, Map<String, Object> clients, Path stateDir) {
    Map<String, String> values = strings(clients);
    values.put("input.topic", topics.input());
    values.put("alerts.topic", topics.alerts());
    values.put("scores.topic", topics.scores());
    values.put("dlq.topic", topics.deadLetters());
    values.put("models.topic", topics.models());
    values.put("model.name", MODEL_NAME);
    values.put("application.id", "surprisal-demo-detector");
    values.put("state.dir", stateDir.toString());
    return Config.of(values, ConfigKeys.ALL);
  }

  private static Map<String, String> strings(Map<String, Object> config) {
    Map<String, String> out = new HashMap<>();
    config.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }
}
