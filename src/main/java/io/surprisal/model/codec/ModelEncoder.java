package io.surprisal.model.codec;

import io.surprisal.avro.ActNormParameters;
import io.surprisal.avro.AffineParameters;
import io.surprisal.avro.AutoregressiveParameters;
import io.surprisal.avro.ConditionerKind;
import io.surprisal.avro.CouplingParameters;
import io.surprisal.avro.Elementwise;
import io.surprisal.avro.ElementwiseType;
import io.surprisal.avro.Feature;
import io.surprisal.avro.FeatureKind;
import io.surprisal.avro.Flow;
import io.surprisal.avro.FlowArchitecture;
import io.surprisal.avro.Layer;
import io.surprisal.avro.LayerType;
import io.surprisal.avro.Perceptron;
import io.surprisal.avro.PermutationParameters;
import io.surprisal.avro.SplineParameters;
import io.surprisal.avro.SurprisalModel;
import io.surprisal.avro.Training;
import io.surprisal.avro.TransformFamily;
import io.surprisal.flow.Bijection;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import io.surprisal.flow.kernel.Mlp;
import io.surprisal.flow.layer.ActNorm;
import io.surprisal.flow.layer.BoundedAffine;
import io.surprisal.flow.layer.Coupling;
import io.surprisal.flow.layer.ElementwiseTransform;
import io.surprisal.flow.layer.MaskedAutoregressive;
import io.surprisal.flow.layer.Permutation;
import io.surprisal.flow.layer.RationalQuadraticSpline;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FeatureScaling;
import io.surprisal.model.TrainingInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Format version 1 payload: a {@link DensityModel} as the Avro record {@link SurprisalModel}
 * (schemas/model.avsc). Written through the generated classes, so a field the schema requires
 * cannot be forgotten; writing loads no class by name, so Avro's class allow-list is not involved.
 */
final class ModelEncoder {
  private ModelEncoder() {}

  static byte[] payload(DensityModel model, String writtenBy) {
    SurprisalModel record = SurprisalModel.newBuilder()
        .setWrittenBy(writtenBy)
        .setFeatures(features(model))
        .setArchitecture(architecture(model.spec()))
        .setFlow(flow(model.flow()))
        .setWhitening(model.preprocessing().whitening().map(ModelEncoder::whitening).orElse(null))
        .setCalibrationNll(doubles(model.calibration().scores()))
        .setAlpha(model.alpha())
        .setTraining(training(model.training()))
        .build();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
      new SpecificDatumWriter<>(SurprisalModel.class).write(record, out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  private static io.surprisal.avro.Whitening whitening(io.surprisal.model.Whitening w) {
    return io.surprisal.avro.Whitening.newBuilder()
        .setMean(doubles(w.mean()))
        .setMatrix(doubles(w.matrix()))
        .setInverse(doubles(w.inverse()))
        .build();
  }

  private static List<Feature> features(DensityModel model) {
    List<String> names = model.features();
    List<FeatureScaling> scalings = model.preprocessing().features();
    double[] reference = model.reference();
    List<Feature> out = new ArrayList<>(names.size());
    for (int j = 0; j < names.size(); j++) {
      FeatureScaling s = scalings.get(j);
      out.add(Feature.newBuilder()
          .setName(names.get(j))
          .setType(FeatureKind.valueOf(s.type().name()))
          .setCenter(s.center())
          .setScale(s.scale())
          .setQuantum(s.quantum())
          .setOffset(s.offset())
          .setSymlog(s.symlog())
          .setReference(reference[j])
          .build());
    }
    return out;
  }

  private static FlowArchitecture architecture(FlowSpec spec) {
    return FlowArchitecture.newBuilder()
        .setConditioner(ConditionerKind.valueOf(spec.conditioner().name()))
        .setTransform(TransformFamily.valueOf(spec.transform().name()))
        .setLayers(spec.layers())
        .setHidden(spec.hidden())
        .setDepth(spec.depth())
        .setBins(spec.bins())
        .setTailBound(spec.tailBound())
        .setScaleBound(spec.scaleBound())
        .build();
  }

  private static Flow flow(NormalizingFlow flow) {
    List<Layer> layers = new ArrayList<>(flow.layers().size());
    for (Bijection b : flow.layers()) {
      layers.add(layer(b));
    }
    return Flow.newBuilder().setDimension(flow.dim()).setLayers(layers).build();
  }

  /**
   * One layer, by its kernel class. A layer kind without a case here cannot be saved: add it to
   * the schema's LayerType, here and in {@link ModelDecoder}.
   */
  private static Layer layer(Bijection b) {
    Layer.Builder layer = Layer.newBuilder();
    return switch (b) {
      case ActNorm a -> layer.setType(LayerType.ACT_NORM)
          .setActNorm(new ActNormParameters(doubles(a.logScale()), doubles(a.shift()))).build();
      case Permutation p -> layer.setType(LayerType.PERMUTATION)
          .setPermutation(new PermutationParameters(ints(p.indices()))).build();
      case Coupling c -> layer.setType(LayerType.COUPLING)
          .setCoupling(new CouplingParameters(c.split(), perceptron(c.conditioner()), elementwise(c.transform())))
          .build();
      case MaskedAutoregressive m -> layer.setType(LayerType.MASKED_AUTOREGRESSIVE)
          .setAutoregressive(new AutoregressiveParameters(perceptron(m.made()), elementwise(m.transform())))
          .build();
      default -> throw new IllegalArgumentException("cannot save a flow layer of type "
          + b.getClass().getName() + ": the model format has no layer type for it");
    };
  }

  private static Perceptron perceptron(Mlp mlp) {
    int[] sizes = mlp.sizes();
    List<List<Double>> weights = new ArrayList<>(sizes.length - 1);
    List<List<Double>> biases = new ArrayList<>(sizes.length - 1);
    for (int l = 0; l < sizes.length - 1; l++) {
      weights.add(doubles(mlp.weights(l)));
      biases.add(doubles(mlp.biases(l)));
    }
    return new Perceptron(ints(sizes), weights, biases);
  }

  private static Elementwise elementwise(ElementwiseTransform t) {
    Elementwise.Builder out = Elementwise.newBuilder();
    return switch (t) {
      case BoundedAffine a -> out.setType(ElementwiseType.BOUNDED_AFFINE)
          .setAffine(new AffineParameters(a.bound())).build();
      case RationalQuadraticSpline s -> out.setType(ElementwiseType.RATIONAL_QUADRATIC_SPLINE)
          .setSpline(new SplineParameters(s.bins(), s.bound())).build();
      default -> throw new IllegalArgumentException("cannot save an elementwise transform of type "
          + t.getClass().getName() + ": the model format has no type for it");
    };
  }

  private static Training training(TrainingInfo t) {
    Objects.requireNonNull(t, "training info");
    Instant created = Objects.requireNonNull(t.createdAt(), "training info createdAt");
    return Training.newBuilder()
        .setRows(t.rows())
        .setTrainingRows(t.trainingRows())
        .setValidationRows(t.validationRows())
        .setCalibrationRows(t.calibrationRows())
        .setEpochs(t.epochs())
        .setBestEpoch(t.bestEpoch())
        .setValidationNll(t.validationNll())
        .setDurationNanos(Objects.requireNonNull(t.duration(), "training info duration").toNanos())
        .setSeed(t.seed())
        .setCreatedAtEpochNanos(Math.addExact(Math.multiplyExact(created.getEpochSecond(), 1_000_000_000L),
            created.getNano()))
        .setParameterCount(t.parameterCount())
        .setStopReason(Objects.requireNonNull(t.stopReason(), "training info stopReason"))
        .setNoiseCandidates(t.noiseCandidates().stream().map(c -> io.surprisal.avro.NoiseCandidate.newBuilder()
            .setNoise(c.noise()).setSigma(c.sigma()).setHeldOutNll(c.heldOutNll()).setChosen(c.chosen()).build())
            .toList())
        .build();
  }

  private static List<Double> doubles(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static List<Integer> ints(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
