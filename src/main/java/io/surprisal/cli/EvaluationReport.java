package io.surprisal.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.surprisal.eval.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What {@code evaluate} found: one row per seed and their mean, as a table for people or as JSON;
 * with {@code --compare}, the classic detectors' results on the same splits after the flow's, so
 * the flow's part of the table and the JSON reads as without them.
 *
 * @param input     the data file
 * @param protocol  how rows were split
 * @param flow      the flow's name
 * @param features  feature count
 * @param rows      rows in the file
 * @param anomalies rows labelled 1
 * @param seeds     one result per seed, in the order run
 * @param compared  one entry per compared detector, in the order asked; empty without {@code --compare}
 */
record EvaluationReport(String input, Protocol protocol, String flow, int features, int rows, int anomalies,
    List<SeedResult> seeds, List<Comparison> compared) {

  /**
   * One seed's split, fit and test.
   *
   * @param rocAuc     area under the ROC curve of the test rows' NLL against their labels
   * @param prAuc      average precision (PR-AUC) of the same
   * @param testNll    mean NLL of the test rows labelled normal (nats per row)
   * @param fitSeconds wall time of the fit
   * @param noise      the training noise the fit used (with {@code select}, the one it chose)
   */
  record SeedResult(long seed, int trainRows, int testRows, int testAnomalies, double rocAuc, double prAuc,
      double testNll, double fitSeconds, String noise) {}

  /**
   * A classic detector's results, one per seed in the flow's order, on the flow's splits.
   *
   * @param detector its name on the command line
   */
  record Comparison(String detector, List<DetectorResult> seeds) {
    double mean(ToDoubleFunction<DetectorResult> metric) {
      return seeds.stream().mapToDouble(metric).average().orElse(Double.NaN);
    }
  }

  /**
   * One seed of a {@link Comparison}: its test rows ranked by the detector's score.
   *
   * @param seconds wall time of the fit and of scoring the test rows
   */
  record DetectorResult(long seed, double rocAuc, double prAuc, double seconds) {}

  double mean(ToDoubleFunction<SeedResult> metric) {
    return seeds.stream().mapToDouble(metric).average().orElse(Double.NaN);
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s: %s protocol, %s flow, %d features, %d rows (%d anomalies)%n",
        input, protocol.name().toLowerCase(Locale.ROOT), flow, features, rows, anomalies));
    out.append(String.format(Locale.ROOT, "%6s %10s %10s %10s %8s%n", "seed", "ROC-AUC %", "PR-AUC %", "test NLL",
        "fit s"));
    for (SeedResult r : seeds) {
      out.append(line(Long.toString(r.seed()), r.rocAuc(), r.prAuc(), r.testNll(), r.fitSeconds()));
    }
    out.append(line("mean", mean(SeedResult::rocAuc), mean(SeedResult::prAuc), mean(SeedResult::testNll),
        mean(SeedResult::fitSeconds)));
    if (!compared.isEmpty()) {
      side("ROC-AUC %", SeedResult::rocAuc, DetectorResult::rocAuc, out);
      side("PR-AUC %", SeedResult::prAuc, DetectorResult::prAuc, out);
    }
    return out.toString();
  }

  /** One metric of the flow and of every compared detector, a column each, a row per seed and the mean. */
  private void side(String title, ToDoubleFunction<SeedResult> flowMetric,
      ToDoubleFunction<DetectorResult> detectorMetric, StringBuilder out) {
    out.append(title).append(" on the same splits:").append(System.lineSeparator());
    out.append(String.format(Locale.ROOT, "%6s %9s", "seed", "flow"));
    compared.forEach(c -> out.append(String.format(Locale.ROOT, " %9s", c.detector())));
    out.append(System.lineSeparator());
    for (int i = 0; i < seeds.size(); i++) {
      SeedResult flowResult = seeds.get(i);
      out.append(String.format(Locale.ROOT, "%6d %9.2f", flowResult.seed(), 100 * flowMetric.applyAsDouble(flowResult)));
      for (Comparison c : compared) {
        out.append(String.format(Locale.ROOT, " %9.2f", 100 * detectorMetric.applyAsDouble(c.seeds().get(i))));
      }
      out.append(System.lineSeparator());
    }
    out.append(String.format(Locale.ROOT, "%6s %9.2f", "mean", 100 * mean(flowMetric)));
    compared.forEach(c -> out.append(String.format(Locale.ROOT, " %9.2f", 100 * c.mean(detectorMetric))));
    out.append(System.lineSeparator());
  }

  private static String line(String label, double roc, double pr, double nll, double seconds) {
    return String.format(Locale.ROOT, "%6s %10.2f %10.2f %10.4f %8.1f%n", label, 100 * roc, 100 * pr, nll, seconds);
  }

  ObjectNode json() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("input", input);
    root.put("protocol", protocol.name().toLowerCase(Locale.ROOT));
    root.put("flow", flow);
    root.put("features", features);
    root.put("rows", rows);
    root.put("anomalies", anomalies);
    var list = root.putArray("seeds");
    for (SeedResult r : seeds) {
      ObjectNode s = list.addObject();
      s.put("seed", r.seed());
      s.put("train_rows", r.trainRows());
      s.put("test_rows", r.testRows());
      s.put("test_anomalies", r.testAnomalies());
      s.put("noise", r.noise());
      metrics(s, r.rocAuc(), r.prAuc(), r.testNll(), r.fitSeconds());
    }
    metrics(root.putObject("mean"), mean(SeedResult::rocAuc), mean(SeedResult::prAuc), mean(SeedResult::testNll),
        mean(SeedResult::fitSeconds));
    if (!compared.isEmpty()) {
      // last, so that the flow's fields come first in the file (bin/adbench reads them in file order)
      compareJson(root.putObject("compare"));
    }
    return root;
  }

  /** {@code "compare": {"<detector>": {"seeds": [...], "mean": {...}}, ...}}. */
  private void compareJson(ObjectNode detectors) {
    for (Comparison c : compared) {
      ObjectNode detector = detectors.putObject(c.detector());
      var list = detector.putArray("seeds");
      for (DetectorResult r : c.seeds()) {
        ObjectNode s = list.addObject();
        s.put("seed", r.seed());
        detectorMetrics(s, r.rocAuc(), r.prAuc(), r.seconds());
      }
      detectorMetrics(detector.putObject("mean"), c.mean(DetectorResult::rocAuc), c.mean(DetectorResult::prAuc),
          c.mean(DetectorResult::seconds));
    }
  }

  private static void detectorMetrics(ObjectNode node, double roc, double pr, double seconds) {
    ModelSummary.number(node, "roc_auc", roc);
    ModelSummary.number(node, "pr_auc", pr);
    ModelSummary.number(node, "seconds", seconds);
  }

  private static void metrics(ObjectNode node, double roc, double pr, double nll, double seconds) {
    ModelSummary.number(node, "roc_auc", roc);
    ModelSummary.number(node, "pr_auc", pr);
    ModelSummary.number(node, "test_nll", nll);
    ModelSummary.number(node, "fit_seconds", seconds);
  }
}
