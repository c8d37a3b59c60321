package io.surprisal.trainer;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import io.surprisal.flow.kernel.Mlp;
import io.surprisal.flow.layer.ActNorm;
import io.surprisal.flow.layer.Coupling;
import io.surprisal.flow.layer.MaskedAutoregressive;
import io.surprisal.flow.layer.Permutation;
import io.surprisal.model.Calibration;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FeatureScaling;
import io.surprisal.model.FeatureType;
import io.surprisal.model.Preprocessing;
import io.surprisal.model.TrainingInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stop-gap binary format for {@link DensityModel} (magic {@code SPRL-INTERIM-1}, then the parts in
 * order, big-endian), used only until the shared {@code ModelCodec} is merged; see
 * {@link ModelArtifact}. It has no checksum and no compatibility promise.
 */
final class InterimModelCodec {
  private static final String MAGIC = "SPRL-INTERIM-1";
  private static final int ACT_NORM = 1;
  private static final int PERMUTATION = 2;
  private static final int COUPLING = 3;
  private static final int AUTOREGRESSIVE = 4;

  private InterimModelCodec() {}

  static byte[] encode(DensityModel model) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeInt(model.features().size());
      for (String f : model.features()) {
        out.writeUTF(f);
      }
      for (FeatureScaling s : model.preprocessing().features()) {
        out.writeUTF(s.type().name());
        writeDoubles(out, s.center(), s.scale(), s.quantum(), s.offset());
        out.writeBoolean(s.symlog());
      }
      FlowSpec spec = model.spec();
      out.writeUTF(spec.conditioner().name());
      out.writeUTF(spec.transform().name());
      out.writeInt(spec.layers());
      out.writeInt(spec.hidden());
      out.writeInt(spec.depth());
      out.writeInt(spec.bins());
      writeDoubles(out, spec.tailBound(), spec.scaleBound());
      NormalizingFlow flow = model.flow();
      out.writeInt(flow.dim());
      out.writeInt(flow.layers().size());
      for (Bijection b : flow.layers()) {
        writeLayer(out, b);
      }
      writeArray(out, model.calibration().scores());
      out.writeDouble(model.alpha());
      writeArray(out, model.reference());
      TrainingInfo t = model.training();
      out.writeLong(t.rows());
      out.writeLong(t.trainingRows());
      out.writeLong(t.validationRows());
      out.writeLong(t.calibrationRows());
      out.writeInt(t.epochs());
      out.writeInt(t.bestEpoch());
      out.writeDouble(t.validationNll());
      out.writeLong(t.duration().toNanos());
      out.writeLong(t.seed());
      out.writeLong(t.createdAt().toEpochMilli());
      out.writeLong(t.parameterCount());
      out.writeUTF(t.stopReason());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeLayer(DataOutputStream out, Bijection b) throws IOException {
    switch (b) {
      case ActNorm a -> {
        out.writeInt(ACT_NORM);
        writeArray(out, a.logScale());
        writeArray(out, a.shift());
      }
      case Permutation p -> {
        out.writeInt(PERMUTATION);
        int[] idx = p.indices();
        out.writeInt(idx.length);
        for (int i : idx) {
          out.writeInt(i);
        }
      }
      case Coupling c -> {
        out.writeInt(COUPLING);
        out.writeInt(c.split());
        writeMlp(out, c.conditioner());
      }
      case MaskedAutoregressive m -> {
        out.writeInt(AUTOREGRESSIVE);
        writeMlp(out, m.made());
      }
      default -> throw new IllegalArgumentException("cannot encode layer " + b.getClass().getName());
    }
  }

  private static void writeMlp(DataOutputStream out, Mlp mlp) throws IOException {
    int[] sizes = mlp.sizes();
    out.writeInt(sizes.length);
    for (int s : sizes) {
      out.writeInt(s);
    }
    for (int l = 0; l < sizes.length - 1; l++) {
      writeArray(out, mlp.weights(l));
      writeArray(out, mlp.biases(l));
    }
  }

  static DensityModel decode(byte[] bytes) {
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      String magic = in.readUTF();
      if (!MAGIC.equals(magic)) {
        throw new IOException("not an interim model artifact (magic '" + magic + "')");
      }
      int d = in.readInt();
      List<String> features = new ArrayList<>(d);
      for (int j = 0; j < d; j++) {
        features.add(in.readUTF());
      }
      List<FeatureScaling> scalings = new ArrayList<>(d);
      for (int j = 0; j < d; j++) {
        scalings.add(new FeatureScaling(FeatureType.valueOf(in.readUTF()), in.readDouble(), in.readDouble(),
            in.readDouble(), in.readDouble(), in.readBoolean()));
      }
      FlowSpec spec = new FlowSpec(FlowSpec.Conditioner.valueOf(in.readUTF()), FlowSpec.Transform.valueOf(in.readUTF()),
          in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readDouble(), in.readDouble());
      int dim = in.readInt();
      int layers = in.readInt();
      List<Bijection> bijections = new ArrayList<>(layers);
      for (int l = 0; l < layers; l++) {
        bijections.add(readLayer(in, dim, spec));
      }
      Calibration calibration = new Calibration(readArray(in));
      double alpha = in.readDouble();
      double[] reference = readArray(in);
      TrainingInfo info = new TrainingInfo(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(),
          in.readInt(), in.readDouble(), Duration.ofNanos(in.readLong()), in.readLong(),
          Instant.ofEpochMilli(in.readLong()), in.readLong(), in.readUTF());
      return new DensityModel(features, new Preprocessing(scalings), spec, new NormalizingFlow(dim, bijections),
          calibration, alpha, reference, info);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableModelException("cannot read the model artifact (" + bytes.length + " bytes): " + e, e);
    }
  }

  private static Bijection readLayer(DataInputStream in, int dim, FlowSpec spec) throws IOException {
    int tag = in.readInt();
    return switch (tag) {
      case ACT_NORM -> new ActNorm(readArray(in), readArray(in));
      case PERMUTATION -> {
        int[] idx = new int[checkedLength(in.readInt())];
        for (int i = 0; i < idx.length; i++) {
          idx[i] = in.readInt();
        }
        yield new Permutation(idx);
      }
      case COUPLING -> {
        int split = in.readInt();
        yield new Coupling(dim, split, readMlp(in), spec.elementwise());
      }
      case AUTOREGRESSIVE -> new MaskedAutoregressive(dim, readMlp(in), spec.elementwise());
      default -> throw new IOException("unknown layer tag " + tag);
    };
  }

  private static Mlp readMlp(DataInputStream in) throws IOException {
    int[] sizes = new int[checkedLength(in.readInt())];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = in.readInt();
    }
    double[][] w = new double[Math.max(0, sizes.length - 1)][];
    double[][] b = new double[w.length][];
    for (int l = 0; l < w.length; l++) {
      w[l] = readArray(in);
      b[l] = readArray(in);
    }
    return new Mlp(sizes, w, b);
  }

  private static void writeDoubles(DataOutputStream out, double... values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static void writeArray(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    writeDoubles(out, values);
  }

  private static double[] readArray(DataInputStream in) throws IOException {
    double[] v = new double[checkedLength(in.readInt())];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }

  private static int checkedLength(int n) throws IOException {
    if (n < 0 || n > 1 << 26) {
      throw new IOException("implausible array length " + n);
    }
    return n;
  }
}
