package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.surprisal.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path dir;

  /** 300 normal rows and 12 outliers (every 26th row), labelled, with an id column. */
  private Path labelled() throws IOException {
    SplittableRandom r = new SplittableRandom(21);
    StringBuilder csv = new StringBuilder("id,x,y,z,label\n");
    for (int i = 0; i < 312; i++) {
      boolean anomaly = i % 26 == 13;
      double[] v = anomaly ? TestData.outlier(r) : TestData.normalRow(r);
      csv.append(i).append(',').append(TestData.format(v[0])).append(',').append(TestData.format(v[1])).append(',')
          .append(TestData.format(v[2])).append(',').append(anomaly ? 1 : 0).append('\n');
    }
    return Files.writeString(dir.resolve("labelled.csv"), csv);
  }

  private static Result evaluate(Object... args) {
    List<Object> all = new ArrayList<>(List.of("evaluate"));
    all.addAll(List.of(args));
    all.addAll(TestData.TINY_MODEL);
    return CliRunner.run(all.toArray());
  }

  @Test
  void evaluate_obviousAnomalies_printsARowPerSeedAndTheirMeanWithHighAuc() throws IOException {
    Path csv = labelled();
    Result r = evaluate("--input", csv, "--label-column", "label", "--exclude", "id", "--seeds", "0,1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo(csv + ": semi protocol, nsf flow, 3 features, 312 rows (12 anomalies)");
    assertThat(lines.get(1).split("\\s+")).containsExactly("", "seed", "ROC-AUC", "%", "PR-AUC", "%", "test", "NLL",
        "fit", "s");
    double[][] metrics = new double[3][];
    for (int k = 0; k < 3; k++) {
      String[] cells = lines.get(2 + k).trim().split("\\s+");
      assertThat(cells[0]).isEqualTo(k < 2 ? String.valueOf(k) : "mean");
      metrics[k] = new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2]),
          Double.parseDouble(cells[3])};
      assertThat(metrics[k][0]).as("ROC-AUC %% of %s", cells[0]).isGreaterThan(95);
      assertThat(metrics[k][1]).as("PR-AUC %% of %s", cells[0]).isGreaterThan(60);
    }
    assertThat(metrics[2][0]).isCloseTo((metrics[0][0] + metrics[1][0]) / 2, org.assertj.core.data.Offset.offset(0.01));
    assertThat(r.err()).contains("seed 0 epoch 1/20").contains("seed 1 epoch 1/20");
  }

  @Test
  void evaluate_json_isMachineReadableAndFollowsTheProtocol() throws IOException {
    Path csv = labelled();
    for (String protocol : List.of("semi", "unsup")) {
      Result r = evaluate("--input", csv, "--label-column", "label", "--exclude", "id", "--seeds", "5", "--json",
          "--protocol", protocol);
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(r.out());
      assertThat(json.get("protocol").asText()).isEqualTo(protocol);
      assertThat(json.get("rows").asInt()).isEqualTo(312);
      assertThat(json.get("anomalies").asInt()).isEqualTo(12);
      JsonNode seed = json.get("seeds").get(0);
      assertThat(json.get("seeds")).hasSize(1);
      assertThat(seed.get("seed").asLong()).isEqualTo(5);
      // semi: half the 300 normal rows train, the rest and all anomalies test; unsup: bootstrap of all, test all
      assertThat(seed.get("train_rows").asInt()).isEqualTo(protocol.equals("semi") ? 150 : 312);
      assertThat(seed.get("test_rows").asInt()).isEqualTo(protocol.equals("semi") ? 162 : 312);
      assertThat(seed.get("test_anomalies").asInt()).isEqualTo(12);
      assertThat(seed.get("roc_auc").asDouble()).isBetween(0.9, 1.0);
      assertThat(seed.get("test_nll").isNumber()).isTrue();
      assertThat(seed.get("fit_seconds").asDouble()).isPositive();
      assertThat(seed.get("noise").asText()).as("the setting select chose").isIn("0.1", "scott x 0.5", "scott x 1.0", "auto");
      assertThat(json.get("mean").get("roc_auc").asDouble()).isEqualTo(seed.get("roc_auc").asDouble());
    }
  }

  @Test
  void evaluate_labelNeitherZeroNorOne_exitsOneAtItsLineAndColumn() throws IOException {
    Path csv = Files.writeString(dir.resolve("bad.csv"),
        "x,y,z,label\n" + "1,2,3,0\n".repeat(5) + "1,2,3,2\n" + "1,2,3,1\n".repeat(5));
    Result r = evaluate("--input", csv, "--label-column", "label");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + csv + ":7:4 (column 'label'): label must be 0 (normal) or 1 (anomaly),"
        + " got 2.0\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void evaluate_labelColumnMissing_exitsOneNamingIt() throws IOException {
    Path csv = TestData.write(dir.resolve("data.csv"), "x,y,z", TestData.normalRows(30, 3));
    Result r = evaluate("--input", csv, "--label-column", "is_anomaly");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: column 'is_anomaly' is the label column but missing from " + csv
        + "; it has: x, y, z\n");
  }

  @Test
  void evaluate_noAnomalies_exitsOneExplainingWhy() throws IOException {
    Path csv = TestData.write(dir.resolve("data.csv"), "x,y,z,label", TestData.normalRows(60, 3), "0");
    Result r = evaluate("--input", csv, "--label-column", "label", "--seeds", "0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).endsWith("error: ROC-AUC is undefined: all 30 labels are normal; it needs at least one"
        + " anomaly and one normal row\n");
  }

  @Test
  void evaluate_compare_printsEachDetectorBesideTheFlow() throws IOException {
    Path csv = labelled();
    Result r = evaluate("--input", csv, "--label-column", "label", "--exclude", "id", "--seeds", "0,1",
        "--compare", "knn,iforest");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(5 + 2 * 5);
    assertThat(lines.get(5)).isEqualTo("ROC-AUC % on the same splits:");
    assertThat(lines.get(6).trim().split("\\s+")).containsExactly("seed", "flow", "knn", "iforest");
    assertThat(lines.get(10)).isEqualTo("PR-AUC % on the same splits:");
    assertThat(lines.get(11).trim().split("\\s+")).containsExactly("seed", "flow", "knn", "iforest");
    for (int k = 0; k < 3; k++) {
      String[] flow = lines.get(2 + k).trim().split("\\s+");
      String[] roc = lines.get(7 + k).trim().split("\\s+");
      String[] pr = lines.get(12 + k).trim().split("\\s+");
      assertThat(roc[0]).isEqualTo(k < 2 ? String.valueOf(k) : "mean");
      assertThat(roc[1]).as("the flow's ROC-AUC, as in its own table").isEqualTo(flow[1]);
      assertThat(pr[1]).as("the flow's PR-AUC, as in its own table").isEqualTo(flow[2]);
      assertThat(Double.parseDouble(roc[2])).as("knn ROC-AUC %% of %s", roc[0]).isGreaterThan(95);
      // the outliers leave the x-y line, which axis-parallel splits isolate less well than distances do
      assertThat(Double.parseDouble(roc[3])).as("iforest ROC-AUC %% of %s", roc[0]).isGreaterThan(80);
    }
  }

  @Test
  void evaluate_compareJson_addsASectionPerDetectorAfterTheFlowsFields() throws IOException {
    Path csv = labelled();
    Result r = evaluate("--input", csv, "--label-column", "label", "--exclude", "id", "--seeds", "3,4", "--json",
        "--compare", "knn,iforest");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("input", "protocol", "flow", "features", "rows", "anomalies", "seeds", "mean",
        "compare");
    List<String> seedFields = new ArrayList<>();
    json.get("seeds").get(0).fieldNames().forEachRemaining(seedFields::add);
    assertThat(seedFields).containsExactly("seed", "train_rows", "test_rows", "test_anomalies", "noise", "roc_auc",
        "pr_auc", "test_nll", "fit_seconds");
    JsonNode compare = json.get("compare");
    List<String> detectors = new ArrayList<>();
    compare.fieldNames().forEachRemaining(detectors::add);
    assertThat(detectors).containsExactly("knn", "iforest");
    for (String name : detectors) {
      JsonNode seeds = compare.get(name).get("seeds");
      assertThat(seeds).hasSize(2);
      assertThat(seeds.get(0).get("seed").asLong()).isEqualTo(3);
      assertThat(seeds.get(1).get("seed").asLong()).isEqualTo(4);
      double first = seeds.get(0).get("roc_auc").asDouble();
      double second = seeds.get(1).get("roc_auc").asDouble();
      assertThat(first).as(name).isBetween(0.8, 1.0);
      assertThat(compare.get(name).get("mean").get("roc_auc").asDouble()).isCloseTo((first + second) / 2,
          org.assertj.core.data.Offset.offset(1e-12));
      assertThat(seeds.get(0).get("pr_auc").asDouble()).isBetween(0.0, 1.0);
      assertThat(seeds.get(0).get("seconds").asDouble()).isPositive();
    }
    // bin/adbench reads the flow's numbers as the "roc_auc" lines before the "compare" section
    String beforeCompare = r.out().substring(0, r.out().indexOf("\"compare\""));
    assertThat(beforeCompare.lines().filter(l -> l.contains("\"roc_auc\" :"))).hasSize(3);
  }

  @Test
  void evaluate_compareAll_runsEveryDetectorOnceInTheirOrder() throws IOException {
    Path csv = labelled();
    Result r = evaluate("--input", csv, "--label-column", "label", "--exclude", "id", "--seeds", "0", "--json",
        "--compare", "lof,all");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> detectors = new ArrayList<>();
    new ObjectMapper().readTree(r.out()).get("compare").fieldNames().forEachRemaining(detectors::add);
    assertThat(detectors).containsExactly("lof", "iforest", "knn", "gmm", "rcf");
  }

  @Test
  void evaluate_compareUnknownDetector_exitsTwoNamingTheValidOnes() throws IOException {
    Path csv = labelled();
    Result r = evaluate("--input", csv, "--label-column", "label", "--compare", "knn,svm");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: unknown detector 'svm' for --compare; valid: iforest, knn, lof, gmm, rcf,"
        + " all\n");
    assertThat(r.out()).isEmpty();
  }
}
