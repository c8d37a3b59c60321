package io.surprisal.trainer;

import io.surprisal.model.codec.CorruptModelException;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.avro.FeatureField;
import io.surprisal.avro.ModelVersion;
import io.surprisal.avro.PartitionOffsets;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FeatureScaling;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A published version as plain maps and lists, for JSON: its metadata and a summary of its model. */
public final class ModelSummary {
  private ModelSummary() {}

  /** The version's fields (without the model bytes) and {@code model}: the decoded model's summary or an error. */
  public static Map<String, Object> of(ModelVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", v.getName());
    out.put("version", v.getVersion());
    out.put("created_at", v.getCreatedAt().toString());
    out.put("input_topic", v.getInputTopic());
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("from_timestamp", v.getTrainingWindow().getFromTimestamp().toString());
    window.put("to_timestamp", v.getTrainingWindow().getToTimestamp().toString());
    window.put("offsets", v.getTrainingWindow().getOffsets().stream().map(ModelSummary::offsets).toList());
    out.put("training_window", window);
    out.put("row_count", v.getRowCount());
    out.put("excluded_count", v.getExcludedCount());
    out.put("validation_nll", v.getValidationNll());
    out.put("previous_validation_nll", v.getPreviousValidationNll());
    out.put("features", v.getFeatures().stream().map(ModelSummary::feature).toList());
    out.put("rolled_back_from", v.getRolledBackFrom());
    out.put("model_bytes", v.getModel().remaining());
    try {
      out.put("model", model(ModelCodec.decode(Trainer.bytes(v.getModel()))));
    } catch (CorruptModelException e) {
      out.put("model", Map.of("error", e.getMessage()));
    }
    return out;
  }

  private static Map<String, Object> offsets(PartitionOffsets p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("partition", p.getPartition());
    out.put("from_offset", p.getFromOffset());
    out.put("to_offset", p.getToOffset());
    return out;
  }

  private static Map<String, Object> feature(FeatureField f) {
    return Map.of("path", f.getPath(), "type", f.getType().name());
  }

  /** Architecture, alert level, calibration and training facts, and each feature's preprocessing. */
  public static Map<String, Object> model(DensityModel m) {
    Map<String, Object> out = new LinkedHashMap<>();
    var spec = m.spec();
    out.put("flow", Map.of("conditioner", spec.conditioner().name(), "transform", spec.transform().name(),
        "layers", spec.layers(), "hidden", spec.hidden(), "depth", spec.depth(), "bins", spec.bins()));
    out.put("alpha", m.alpha());
    out.put("calibration_rows", m.calibration().size());
    out.put("alert_nll_threshold", m.calibration().threshold(m.alpha()));
    var t = m.training();
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("rows", t.rows());
    training.put("training_rows", t.trainingRows());
    training.put("validation_rows", t.validationRows());
    training.put("epochs", t.epochs());
    training.put("best_epoch", t.bestEpoch());
    training.put("validation_nll", t.validationNll());
    training.put("duration_ms", t.duration().toMillis());
    training.put("seed", t.seed());
    training.put("parameters", t.parameterCount());
    training.put("stop_reason", t.stopReason());
    out.put("training", training);
    List<FeatureScaling> scalings = m.preprocessing().features();
    List<Map<String, Object>> features = new java.util.ArrayList<>();
    for (int j = 0; j < scalings.size(); j++) {
      FeatureScaling s = scalings.get(j);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", m.features().get(j));
      f.put("type", s.type().name());
      f.put("center", s.center());
      f.put("scale", s.scale());
      f.put("symlog", s.symlog());
      features.add(f);
    }
    out.put("features", features);
    return out;
  }
}
