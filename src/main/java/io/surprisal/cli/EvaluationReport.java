package io.surprisal.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.surprisal.eval.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What {@code evaluate} found: one row per seed and their mean, as a table for people or as JSON.
 *
 * @param input     the data file
 * @param protocol  how rows were split
 * @param flow      the flow's name
 * @param features  feature count
 * @param rows      rows in the file
 * @param anomalies rows labelled 1
 * @param seeds     one result per seed, in the order run
 */
record EvaluationReport(String input, Protocol protocol, String flow, int features, int rows, int anomalies,
    List<SeedResult> seeds) {

  /**
   * One seed's split, fit and test.
   *
   * @param rocAuc     area under the ROC curve of the test rows' NLL against their labels
   * @param prAuc      average precision (PR-AUC) of the same
   * @param testNll    mean NLL of the test rows labelled normal (nats per row)
   * @param fitSeconds wall time of the fit
   */
  record SeedResult(long seed, int trainRows, int testRows, int testAnomalies, double rocAuc, double prAuc,
      double testNll, double fitSeconds) {}

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
    return out.toString();
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
      metrics(s, r.rocAuc(), r.prAuc(), r.testNll(), r.fitSeconds());
    }
    metrics(root.putObject("mean"), mean(SeedResult::rocAuc), mean(SeedResult::prAuc), mean(SeedResult::testNll),
        mean(SeedResult::fitSeconds));
    return root;
  }

  private static void metrics(ObjectNode node, double roc, double pr, double nll, double seconds) {
    ModelSummary.number(node, "roc_auc", roc);
    ModelSummary.number(node, "pr_auc", pr);
    ModelSummary.number(node, "test_nll", nll);
    ModelSummary.number(node, "fit_seconds", seconds);
  }
}
