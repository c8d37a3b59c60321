package io.surprisal.model.codec;

import io.surprisal.avro.ElementwiseType;
import io.surprisal.avro.LayerType;
import io.surprisal.avro.SurprisalModel;
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
import io.surprisal.model.Calibration;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FeatureScaling;
import io.surprisal.model.FeatureType;
import io.surprisal.model.NoiseCandidate;
import io.surprisal.model.Preprocessing;
import io.surprisal.model.TrainingInfo;
import io.surprisal.model.codec.CorruptModelException.Reason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.PrimitivesArrays;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Format version 1, 2 and 3 payloads back to a {@link DensityModel}.
 *
 * <p>Why generic records: reading into the generated classes would make Avro load them by name,
 * and since 1.11.4 it loads only classes its JVM-wide allow-list trusts (the system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}). A {@link GenericDatumReader} instantiates no
 * class named by a schema, so loading a model needs no global setting and no trusted package. The
 * generated enums still drive the layer mapping: a switch over {@link LayerType} and
 * {@link ElementwiseType} is exhaustive, so a kind added to the schema does not compile until it is
 * handled here. Feature kinds, conditioners and transform families map by symbol name onto the
 * domain enums; a name the domain lacks is refused by name.
 */
final class ModelDecoder {
  private final String source;

  private ModelDecoder(String source) {
    this.source = source;
  }

  /** A decoded payload: the model and the name of the program that wrote it. */
  record Decoded(DensityModel model, String writtenBy) {}

  static Decoded decode(byte[] payload, int formatVersion, String source) {
    ModelDecoder decoder = new ModelDecoder(source);
    GenericRecord root = decoder.parse(payload, formatVersion);
    try {
      return new Decoded(decoder.model(root), root.get("written_by").toString());
    } catch (IllegalArgumentException e) {
      throw decoder.corrupt("inconsistent model: " + e.getMessage(), e);
    }
  }

  private GenericRecord parse(byte[] payload, int formatVersion) {
    try {
      BinaryDecoder in = DecoderFactory.get().binaryDecoder(payload, null);
      GenericRecord root = new NamingEnumReader(writerSchema(formatVersion)).read(null, in);
      if (!in.isEnd()) {
        throw corrupt("bytes left over after the model record", null);
      }
      return root;
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      throw corrupt("payload is not a format version " + formatVersion + " model: "
          + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
    }
  }

  /**
   * Says which enum had a symbol out of range: a type this build does not know. Avro's fast reader
   * would bypass {@link #readEnum}, so it is off for this reader's own {@link GenericData}.
   */
  private static final class NamingEnumReader extends GenericDatumReader<GenericRecord> {
    NamingEnumReader(Schema writer) {
      super(writer, SurprisalModel.getClassSchema(), slowData());
    }

    private static GenericData slowData() {
      GenericData data = new GenericData();
      data.setFastReaderEnabled(false);
      return data;
    }

    @Override
    protected Object readEnum(Schema expected, Decoder in) throws IOException {
      try {
        return super.readEnum(expected, in);
      } catch (AvroTypeException e) {
        throw new AvroTypeException("unknown " + expected.getName() + " (" + e.getMessage() + ")", e);
      }
    }
  }

  /**
   * The schema a payload of that format version was written with: version 1 lacked the whitening and
   * version 2 the training-noise candidates, so their schemas are kept as resources and Avro
   * resolves them into the current one (whitening null, no candidates).
   */
  private static Schema writerSchema(int formatVersion) {
    return switch (formatVersion) {
      case 1 -> V1_SCHEMA;
      case 2 -> V2_SCHEMA;
      default -> SurprisalModel.getClassSchema();
    };
  }

  private static final Schema V1_SCHEMA = loadSchema(1);
  private static final Schema V2_SCHEMA = loadSchema(2);

  private static Schema loadSchema(int version) {
    try (var in = ModelDecoder.class.getResourceAsStream("model-v" + version + ".avsc")) {
      return new Schema.Parser().parse(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the format version " + version + " schema resource is missing from this build", e);
    }
  }

  private static io.surprisal.model.Whitening whitening(Object w) {
    if (w == null) {
      return null;
    }
    GenericRecord r = (GenericRecord) w;
    return new io.surprisal.model.Whitening(doubles(r.get("mean")), doubles(r.get("matrix")), doubles(r.get("inverse")));
  }

  private DensityModel model(GenericRecord root) {
    List<String> names = new ArrayList<>();
    List<FeatureScaling> scalings = new ArrayList<>();
    List<?> features = (List<?>) root.get("features");
    double[] reference = new double[features.size()];
    for (Object f : features) {
      GenericRecord feature = (GenericRecord) f;
      reference[names.size()] = (Double) feature.get("reference");
      names.add(feature.get("name").toString());
      scalings.add(new FeatureScaling(symbol(feature, "type", FeatureType.class), (Double) feature.get("center"),
          (Double) feature.get("scale"), (Double) feature.get("quantum"), (Double) feature.get("offset"),
          (Boolean) feature.get("symlog")));
    }
    return new DensityModel(names, new Preprocessing(scalings, whitening(root.get("whitening"))), spec((GenericRecord) root.get("architecture")),
        flow((GenericRecord) root.get("flow")), new Calibration(doubles(root.get("calibration_nll"))),
        (Double) root.get("alpha"), reference, training((GenericRecord) root.get("training")));
  }

  private FlowSpec spec(GenericRecord a) {
    return new FlowSpec(symbol(a, "conditioner", FlowSpec.Conditioner.class),
        symbol(a, "transform", FlowSpec.Transform.class), (Integer) a.get("layers"), (Integer) a.get("hidden"),
        (Integer) a.get("depth"), (Integer) a.get("bins"), (Double) a.get("tail_bound"),
        (Double) a.get("scale_bound"));
  }

  private NormalizingFlow flow(GenericRecord flow) {
    int dim = (Integer) flow.get("dimension");
    List<Bijection> layers = new ArrayList<>();
    for (Object layer : (List<?>) flow.get("layers")) {
      layers.add(layer((GenericRecord) layer, dim, layers.size()));
    }
    return new NormalizingFlow(dim, layers);
  }

  private Bijection layer(GenericRecord layer, int dim, int index) {
    LayerType type = symbol(layer, "type", LayerType.class);
    String what = "layer " + index + " (" + type + ")";
    return switch (type) {
      case ACT_NORM -> {
        GenericRecord p = parameters(layer, "act_norm", what);
        yield new ActNorm(doubles(p.get("log_scale")), doubles(p.get("shift")));
      }
      case PERMUTATION -> new Permutation(ints(parameters(layer, "permutation", what).get("indices")));
      case COUPLING -> {
        GenericRecord p = parameters(layer, "coupling", what);
        yield new Coupling(dim, (Integer) p.get("split"), mlp((GenericRecord) p.get("conditioner")),
            transform((GenericRecord) p.get("transform"), what));
      }
      case MASKED_AUTOREGRESSIVE -> {
        GenericRecord p = parameters(layer, "autoregressive", what);
        yield new MaskedAutoregressive(dim, mlp((GenericRecord) p.get("made")),
            transform((GenericRecord) p.get("transform"), what));
      }
    };
  }

  private ElementwiseTransform transform(GenericRecord t, String layer) {
    ElementwiseType type = symbol(t, "type", ElementwiseType.class);
    String what = layer + " transform " + type;
    return switch (type) {
      case BOUNDED_AFFINE -> new BoundedAffine((Double) parameters(t, "affine", what).get("log_scale_bound"));
      case RATIONAL_QUADRATIC_SPLINE -> {
        GenericRecord p = parameters(t, "spline", what);
        yield new RationalQuadraticSpline((Integer) p.get("bins"), (Double) p.get("tail_bound"));
      }
    };
  }

  private static Mlp mlp(GenericRecord p) {
    List<?> weights = (List<?>) p.get("weights");
    List<?> biases = (List<?>) p.get("biases");
    double[][] w = new double[weights.size()][];
    double[][] b = new double[biases.size()][];
    for (int l = 0; l < w.length; l++) {
      w[l] = doubles(weights.get(l));
    }
    for (int l = 0; l < b.length; l++) {
      b[l] = doubles(biases.get(l));
    }
    return new Mlp(ints(p.get("sizes")), w, b);
  }

  private TrainingInfo training(GenericRecord t) {
    long created = (Long) t.get("created_at_epoch_nanos");
    return new TrainingInfo((Long) t.get("rows"), (Long) t.get("training_rows"), (Long) t.get("validation_rows"),
        (Long) t.get("calibration_rows"), (Integer) t.get("epochs"), (Integer) t.get("best_epoch"),
        (Double) t.get("validation_nll"), Duration.ofNanos((Long) t.get("duration_nanos")), (Long) t.get("seed"),
        Instant.ofEpochSecond(Math.floorDiv(created, 1_000_000_000L), Math.floorMod(created, 1_000_000_000L)),
        (Long) t.get("parameter_count"), t.get("stop_reason").toString(), noiseCandidates(t.get("noise_candidates")));
  }

  private static List<NoiseCandidate> noiseCandidates(Object array) {
    List<NoiseCandidate> out = new ArrayList<>();
    if (array != null) {
      for (Object o : (List<?>) array) {
        GenericRecord c = (GenericRecord) o;
        out.add(new NoiseCandidate(c.get("noise").toString(), (Double) c.get("sigma"), (Double) c.get("held_out_nll"),
            (Boolean) c.get("chosen")));
      }
    }
    return out;
  }

  /** The record in the union field that the type names; a type without its parameters is corrupt. */
  private GenericRecord parameters(GenericRecord holder, String field, String what) {
    Object p = holder.get(field);
    if (p == null) {
      throw corrupt(what + " has no " + field + " parameters", null);
    }
    return (GenericRecord) p;
  }

  /** An enum field as the Java enum of the same symbols; a symbol it lacks is refused by name. */
  private <E extends Enum<E>> E symbol(GenericRecord r, String field, Class<E> type) {
    String symbol = r.get(field).toString();
    try {
      return Enum.valueOf(type, symbol);
    } catch (IllegalArgumentException e) {
      throw corrupt("unknown " + r.getSchema().getName() + "." + field + " '" + symbol
          + "': this surprisal cannot load it", e);
    }
  }

  private static double[] doubles(Object array) {
    if (array instanceof PrimitivesArrays.DoubleArray a) {
      double[] out = new double[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = a.getDouble(i);
      }
      return out;
    }
    List<?> list = (List<?>) array;
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Double) list.get(i);
    }
    return out;
  }

  private static int[] ints(Object array) {
    List<?> list = (List<?>) array;
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Integer) list.get(i);
    }
    return out;
  }

  private CorruptModelException corrupt(String problem, Throwable cause) {
    return new CorruptModelException(source, Reason.MALFORMED, problem, cause);
  }
}
