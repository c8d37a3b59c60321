package io.surprisal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.surprisal.flow.Bijection;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.kernel.Mlp;
import io.surprisal.flow.layer.ActNorm;
import io.surprisal.flow.layer.Coupling;
import io.surprisal.flow.layer.MaskedAutoregressive;
import io.surprisal.model.Calibration;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FeatureScaling;
import io.surprisal.model.NoiseCandidate;
import io.surprisal.model.TrainingInfo;
import io.surprisal.model.codec.ModelArtifact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON summary of a model artifact that {@code inspect} prints. Non-finite numbers are null. */
final class ModelSummary {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ModelSummary() {}

  static ObjectNode of(ModelArtifact artifact, String file) {
    DensityModel model = artifact.model();
    ObjectNode root = JSON.objectNode();
    root.put("file", file);
    root.put("format_version", artifact.formatVersion());
    root.put("sha256", artifact.sha256());
    root.put("size_bytes", artifact.sizeBytes());
    root.put("written_by", artifact.writtenBy());
    root.set("features", features(model));
    root.set("flow", flow(model));
    root.put("parameter_count", parameterCount(model.flow().layers()));
    root.set("calibration", calibration(model.calibration(), model.alpha()));
    root.set("training", training(model.training()));
    return root;
  }

  /** {@code nsf}, {@code maf} or {@code realnvp} for the presets' combinations, else conditioner/transform. */
  static String flowName(FlowSpec spec) {
    boolean coupling = spec.conditioner() == FlowSpec.Conditioner.COUPLING;
    boolean spline = spec.transform() == FlowSpec.Transform.SPLINE;
    if (coupling) {
      return spline ? "nsf" : "realnvp";
    }
    return spline ? "autoregressive/spline" : "maf";
  }

  private static ArrayNode features(DensityModel model) {
    ArrayNode out = JSON.arrayNode();
    List<FeatureScaling> scalings = model.preprocessing().features();
    double[] reference = model.reference();
    for (int j = 0; j < scalings.size(); j++) {
      FeatureScaling s = scalings.get(j);
      ObjectNode f = out.addObject();
      f.put("name", model.features().get(j));
      f.put("type", lower(s.type().name()));
      f.put("in_flow", s.active());
      f.put("center", s.center());
      f.put("scale", s.scale());
      f.put("log_transform", s.symlog());
      f.put("quantum", s.quantum());
      f.put("offset", s.offset());
      f.put("reference", reference[j]);
    }
    return out;
  }

  private static ObjectNode flow(DensityModel model) {
    FlowSpec spec = model.spec();
    ObjectNode out = JSON.objectNode();
    out.put("name", flowName(spec));
    out.put("conditioner", lower(spec.conditioner().name()));
    out.put("transform", lower(spec.transform().name()));
    out.put("layers", spec.layers());
    out.put("hidden", spec.hidden());
    out.put("depth", spec.depth());
    if (spec.transform() == FlowSpec.Transform.SPLINE) {
      out.put("bins", spec.bins());
      out.put("tail_bound", spec.tailBound());
    } else {
      out.put("scale_bound", spec.scaleBound());
    }
    out.put("dimension", model.flow().dim());
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (Bijection b : model.flow().layers()) {
      kinds.merge(b.getClass().getSimpleName(), 1, Integer::sum);
    }
    ObjectNode counts = out.putObject("layer_counts");
    kinds.forEach(counts::put);
    return out;
  }

  static long parameterCount(List<Bijection> layers) {
    long n = 0;
    for (Bijection b : layers) {
      n += switch (b) {
        case ActNorm a -> 2L * a.dim();
        case Coupling c -> parameterCount(c.conditioner());
        case MaskedAutoregressive m -> parameterCount(m.made());
        default -> 0;
      };
    }
    return n;
  }

  private static long parameterCount(Mlp mlp) {
    int[] sizes = mlp.sizes();
    long n = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      n += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
    }
    return n;
  }

  private static ObjectNode calibration(Calibration calibration, double alpha) {
    ObjectNode out = JSON.objectNode();
    out.put("size", calibration.size());
    out.put("alpha", alpha);
    double threshold = calibration.threshold(alpha);
    number(out, "threshold_nll", threshold);
    number(out, "threshold_log_likelihood", -threshold);
    out.put("smallest_p_value", calibration.smallestConformalPValue());
    out.put("outliers", calibration.outliers());
    calibration.tail().ifPresentOrElse(tail -> {
      ObjectNode t = out.putObject("tail");
      t.put("start_nll", tail.start());
      t.put("share", tail.share());
      t.put("scale", tail.scale());
      t.put("excesses", tail.excesses());
    }, () -> out.putNull("tail"));
    return out;
  }

  private static ObjectNode training(TrainingInfo t) {
    ObjectNode out = JSON.objectNode();
    out.put("rows", t.rows());
    out.put("training_rows", t.trainingRows());
    out.put("validation_rows", t.validationRows());
    out.put("calibration_rows", t.calibrationRows());
    out.put("epochs", t.epochs());
    out.put("best_epoch", t.bestEpoch());
    number(out, "validation_nll", t.validationNll());
    out.put("duration_seconds", t.duration().toNanos() / 1e9);
    out.put("seed", t.seed());
    out.put("created_at", t.createdAt().toString());
    out.put("parameter_count", t.parameterCount());
    out.put("stop_reason", lower(t.stopReason()));
    t.chosenNoise().ifPresent(c -> out.put("noise", c.noise()));
    var candidates = out.putArray("noise_candidates");
    for (NoiseCandidate c : t.noiseCandidates()) {
      ObjectNode node = candidates.addObject();
      node.put("noise", c.noise());
      node.put("sigma", c.sigma());
      number(node, "held_out_nll", c.heldOutNll());
      node.put("chosen", c.chosen());
    }
    return out;
  }

  /** A number, or null when it is not finite (JSON has no NaN or infinity). */
  static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
