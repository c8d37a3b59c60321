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
}
