package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.surprisal.cli.CliRunner.Result;
import io.surprisal.model.DensityModel;
import io.surprisal.model.codec.ModelArtifact;
import io.surprisal.model.codec.ModelCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir Path dir;

  @Test
  void inspect_printsTheModelSummaryAsJson() throws IOException {
    Path model = dir.resolve("m.model");
    ModelCodec.write(TestData.model(), model);
    ModelArtifact artifact = ModelCodec.readArtifact(model);
    DensityModel m = artifact.model();

    Result r = CliRunner.run("inspect", "--model", model);

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("file").asText()).isEqualTo(model.toString());
    assertThat(json.get("format_version").asInt()).isEqualTo(ModelCodec.FORMAT_VERSION);
    assertThat(json.get("sha256").asText()).isEqualTo(artifact.sha256()).matches("[0-9a-f]{64}");
    assertThat(json.get("size_bytes").asLong()).isEqualTo(Files.size(model));
    assertThat(json.get("written_by").asText()).startsWith("surprisal ");
    JsonNode y = json.get("features").get(1);
    assertThat(json.get("features")).hasSize(3);
    assertThat(y.get("name").asText()).isEqualTo("y");
    assertThat(y.get("type").asText()).isEqualTo("continuous");
    assertThat(y.get("center").asDouble()).isEqualTo(m.preprocessing().features().get(1).center());
    assertThat(y.get("scale").asDouble()).isEqualTo(m.preprocessing().features().get(1).scale());
    assertThat(y.get("log_transform").asBoolean()).isFalse();
    assertThat(y.get("in_flow").asBoolean()).isTrue();
    JsonNode flow = json.get("flow");
    assertThat(flow.get("name").asText()).isEqualTo("nsf");
    assertThat(flow.get("layers").asInt()).isEqualTo(2);
    assertThat(flow.get("hidden").asInt()).isEqualTo(16);
    assertThat(flow.get("bins").asInt()).isEqualTo(m.spec().bins());
    assertThat(flow.get("dimension").asInt()).isEqualTo(3);
    assertThat(flow.get("layer_counts").get("Coupling").asInt()).isEqualTo(2);
    // counted from the saved layers; must agree with the trainer's own count
    assertThat(json.get("parameter_count").asLong()).isEqualTo(m.training().parameterCount()).isPositive();
    JsonNode calibration = json.get("calibration");
    assertThat(calibration.get("size").asInt()).isEqualTo(40);
    assertThat(calibration.get("alpha").asDouble()).isEqualTo(0.05);
    assertThat(calibration.get("threshold_nll").asDouble()).isEqualTo(m.calibration().threshold(0.05));
    assertThat(calibration.get("smallest_p_value").asDouble()).isEqualTo(m.calibration().smallestConformalPValue());
    assertThat(calibration.get("outliers").asInt()).isEqualTo(m.calibration().outliers());
    JsonNode tail = calibration.get("tail");
    assertThat(tail.get("start_nll").asDouble()).isEqualTo(m.calibration().tail().orElseThrow().start());
    assertThat(tail.get("share").asDouble()).isEqualTo(m.calibration().tail().orElseThrow().share());
    assertThat(tail.get("scale").asDouble()).isPositive();
    assertThat(tail.get("excesses").asInt()).isEqualTo(m.calibration().tail().orElseThrow().excesses());
    JsonNode training = json.get("training");
    assertThat(training.get("rows").asLong()).isEqualTo(400);
    assertThat(training.get("calibration_rows").asLong()).isEqualTo(40);
    assertThat(training.get("seed").asLong()).isEqualTo(1);
    assertThat(training.get("validation_nll").asDouble()).isEqualTo(m.training().validationNll());
    assertThat(training.get("created_at").asText()).isEqualTo(m.training().createdAt().toString());
    assertThat(training.get("best_epoch").asInt()).isEqualTo(m.training().bestEpoch());
  }

  @Test
  void inspect_truncatedModel_exitsOneSayingSo() throws IOException {
    Path model = dir.resolve("m.model");
    byte[] bytes = ModelCodec.encode(TestData.model());
    Files.write(model, java.util.Arrays.copyOf(bytes, 30));
    Result r = CliRunner.run("inspect", "--model", model);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + model + ": truncated: 30 bytes, shorter than the 44-byte header"
        + " of a model\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void inspect_directoryAsModel_exitsOneNamingIt() {
    Result r = CliRunner.run("inspect", "--model", dir);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + dir + ": is a directory, not a model file\n");
  }
}
