package io.surprisal.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.surprisal.avro.SurprisalModel;
import io.surprisal.flow.Bijection;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import io.surprisal.model.Attribution;
import io.surprisal.model.DensityModel;
import io.surprisal.model.codec.CorruptModelException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelCodecTest {
  @TempDir Path dir;

  static Stream<Arguments> specs() {
    List<Arguments> out = new ArrayList<>();
    for (String preset : FlowSpec.PRESETS) {
      out.add(Arguments.of(preset, FlowSpec.preset(preset).withLayers(2).withHidden(8)));
    }
    out.add(Arguments.of("spline-autoregressive", RandomModels.splineAutoregressive()));
    return out.stream();
  }

  private static final DensityModel MODEL = RandomModels.create(FlowSpec.preset("nsf").withLayers(2).withHidden(8), 3);

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void decode_ofEncode_givesBitIdenticalScores(String name, FlowSpec spec) {
    DensityModel model = RandomModels.create(spec, 7);
    DensityModel back = ModelCodec.decode(ModelCodec.encode(model));
    double[][] rows = RandomModels.rows(2000, 11);
    for (double[] x : rows) {
      assertThat(Double.doubleToRawLongBits(back.logDensity(x)))
          .as("log p(%s)", Arrays.toString(x))
          .isEqualTo(Double.doubleToRawLongBits(model.logDensity(x)));
      assertThat(back.score(x)).isEqualTo(model.score(x));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void decode_ofEncode_keepsExplanationsAndSamples(String name, FlowSpec spec) {
    DensityModel model = RandomModels.create(spec, 8);
    DensityModel back = ModelCodec.decode(ModelCodec.encode(model));
    for (double[] x : RandomModels.rows(20, 12)) {
      List<Attribution> expected = model.explain(x, 5);
      assertThat(back.explain(x, 5)).isEqualTo(expected);
    }
    assertThat(back.sample(300, 42)).isDeepEqualTo(model.sample(300, 42));
  }

  @Test
  void decode_ofEncode_keepsEveryPartOfTheModel() {
    DensityModel back = ModelCodec.decode(ModelCodec.encode(MODEL));
    assertThat(back.features()).isEqualTo(MODEL.features());
    assertThat(back.preprocessing().features()).isEqualTo(MODEL.preprocessing().features());
    assertThat(back.spec()).isEqualTo(MODEL.spec());
    assertThat(back.calibration().scores()).isEqualTo(MODEL.calibration().scores());
    assertThat(back.alpha()).isEqualTo(MODEL.alpha());
    assertThat(back.reference()).isEqualTo(MODEL.reference());
    assertThat(back.training()).isEqualTo(MODEL.training());
    List<Bijection> layers = back.flow().layers();
    assertThat(layers).extracting(l -> l.getClass().getSimpleName())
        .isEqualTo(MODEL.flow().layers().stream().map(l -> l.getClass().getSimpleName()).toList());
  }

  @Test
  void encode_ofDecoded_givesTheSameBytes() {
    byte[] bytes = ModelCodec.encode(MODEL);
    assertThat(ModelCodec.encode(ModelCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Test
  void open_reportsVersionChecksumAndWriter() throws Exception {
    byte[] bytes = ModelCodec.encode(MODEL);
    ModelArtifact artifact = ModelCodec.open(bytes, "m.model");
    assertThat(artifact.formatVersion()).isEqualTo(3);
    assertThat(artifact.sizeBytes()).isEqualTo(bytes.length);
    assertThat(artifact.writtenBy()).startsWith("surprisal ");
    byte[] digested = new byte[12 + bytes.length - 44];
    System.arraycopy(bytes, 0, digested, 0, 12);
    System.arraycopy(bytes, 44, digested, 12, bytes.length - 44);
    assertThat(artifact.sha256()).isEqualTo(
        java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(digested)));
  }

  @Test
  void decode_anyFlippedByte_isRefusedWithTheReasonOfItsRegion() {
    byte[] bytes = ModelCodec.encode(MODEL);
    for (int i = 0; i < bytes.length; i++) {
      byte[] damaged = bytes.clone();
      damaged[i] ^= (byte) (1 << (i % 8));
      Reason expected = i < 4 ? Reason.BAD_MAGIC
          : i >= 8 && i < 12 ? null // the length: the rest is too short or too long
          : Reason.CHECKSUM_MISMATCH;
      int at = i;
      assertThatThrownBy(() -> ModelCodec.open(damaged, "m.model"))
          .as("byte %d flipped", at)
          .isInstanceOfSatisfying(CorruptModelException.class, e -> {
            if (expected != null) {
              assertThat(e.reason()).isEqualTo(expected);
            } else {
              assertThat(e.reason()).isIn(Reason.TRUNCATED, Reason.MALFORMED);
            }
          });
    }
  }

  @Test
  void decode_checksumMismatch_saysSoAndNamesTheSource() {
    byte[] bytes = ModelCodec.encode(MODEL);
    bytes[bytes.length / 2] ^= 1;
    assertThatThrownBy(() -> ModelCodec.open(bytes, "m.model"))
        .isInstanceOf(CorruptModelException.class)
        .hasMessageStartingWith("m.model: checksum mismatch: the content's SHA-256 is ")
        .hasMessageEndingWith("; the file is damaged");
  }

  @Test
  void decode_truncated_isRefusedAsTruncated() {
    byte[] bytes = ModelCodec.encode(MODEL);
    for (int length : new int[] {2, 4, 11, 43, 44, 45, bytes.length / 2, bytes.length - 1}) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> ModelCodec.open(cut, "m.model"))
          .as("cut to %d bytes", length)
          .isInstanceOfSatisfying(CorruptModelException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED))
          .hasMessageStartingWith("m.model: truncated: ");
    }
    assertThatThrownBy(() -> ModelCodec.open(Arrays.copyOf(bytes, bytes.length - 10), "m.model"))
        .hasMessage("m.model: truncated: the header announces " + (bytes.length - 44)
            + " payload bytes but only " + (bytes.length - 54) + " follow");
  }

  @Test
  void decode_trailingBytes_areRefused() {
    byte[] bytes = ModelCodec.encode(MODEL);
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
    assertThatThrownBy(() -> ModelCodec.open(longer, "m.model"))
        .isInstanceOfSatisfying(CorruptModelException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining("3 unexpected bytes after the");
  }

  @Test
  void decode_foreignFile_isRefusedForItsMagic() {
    byte[] csv = "a,b\n1,2\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ModelCodec.open(csv, "data.csv"))
        .isInstanceOfSatisfying(CorruptModelException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_MAGIC))
        .hasMessage("data.csv: not a surprisal model (bad magic: it starts with 612c620a (\"a,b.\"),"
            + " a model starts with \"SRPL\")");
    assertThatThrownBy(() -> ModelCodec.open(new byte[0], "empty.model"))
        .hasMessage("empty.model: file is empty, not a surprisal model");
  }

  @Test
  void decode_futureVersion_isRefusedByNumber() {
    byte[] payload = ModelEncoder.payload(MODEL, "surprisal 9.0");
    assertThatThrownBy(() -> ModelCodec.open(ModelEnvelope.wrap(4, payload), "new.model"))
        .isInstanceOfSatisfying(CorruptModelException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION))
        .hasMessage("new.model: unsupported format version 4; this surprisal reads format versions 1 to 3"
            + " (a newer surprisal wrote the model: upgrade to load it)");
    assertThatThrownBy(() -> ModelCodec.open(ModelEnvelope.wrap(0, payload), "old.model"))
        .hasMessage("old.model: unsupported format version 0; this surprisal reads format versions 1 to 3");
  }

  @Test
  void decode_intactFrameAroundGarbage_isMalformed() {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ModelCodec.open(ModelEnvelope.wrap(2, garbage), "m.model"))
        .isInstanceOfSatisfying(CorruptModelException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageStartingWith("m.model: payload is not a format version 2 model: ");
    byte[] payload = ModelEncoder.payload(MODEL, "surprisal test");
    byte[] padded = Arrays.copyOf(payload, payload.length + 1);
    assertThatThrownBy(() -> ModelCodec.open(ModelEnvelope.wrap(2, padded), "m.model"))
        .hasMessage("m.model: bytes left over after the model record");
  }

  @Test
  void decode_layerTypeTheSchemaDoesNotKnow_isRefused() throws IOException {
    // A writer whose LayerType enum has one more symbol, as a newer schema would, with the frame of
    // version 1 (which a correct writer would not use): the reader must refuse it, not misread it.
    Schema v1 = SurprisalModel.getClassSchema();
    Schema extended = new Schema.Parser().parse(v1.toString()
        .replace("\"MASKED_AUTOREGRESSIVE\"]", "\"MASKED_AUTOREGRESSIVE\",\"GLOW_SQUEEZE\"]"));
    byte[] payload = ModelEncoder.payload(MODEL, "surprisal test");
    GenericRecord root = new GenericDatumReader<GenericRecord>(v1)
        .read(null, DecoderFactory.get().binaryDecoder(payload, null));
    GenericRecord firstLayer = (GenericRecord) ((List<?>) ((GenericRecord) root.get("flow")).get("layers")).get(0);
    firstLayer.put("type", new GenericData.EnumSymbol(
        extended.getField("flow").schema().getField("layers").schema().getElementType().getField("type").schema(),
        "GLOW_SQUEEZE"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(extended).write(root, out);
    out.flush();
    assertThatThrownBy(() -> ModelCodec.open(ModelEnvelope.wrap(1, bytes.toByteArray()), "m.model"))
        .isInstanceOfSatisfying(CorruptModelException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageStartingWith("m.model: payload is not a format version 1 model: ")
        .hasMessageContaining("Field \"type\" content mismatch: unknown LayerType (");
  }

  @Test
  void encode_layerTheFormatDoesNotKnow_isRefusedByClassName() {
    NormalizingFlow flow = MODEL.flow();
    Bijection odd = new Bijection() {
      @Override
      public int dim() {
        return flow.dim();
      }

      @Override
      public double forward(double[] x, int xOff, double[] y, int yOff, double[] work) {
        System.arraycopy(x, xOff, y, yOff, flow.dim());
        return 0;
      }

      @Override
      public void inverse(double[] y, int yOff, double[] x, int xOff, double[] work) {
        System.arraycopy(y, yOff, x, xOff, flow.dim());
      }
    };
    DensityModel withOdd = new DensityModel(MODEL.features(), MODEL.preprocessing(), MODEL.spec(),
        new NormalizingFlow(flow.dim(), List.of(odd)), MODEL.calibration(), MODEL.alpha(), MODEL.reference(),
        MODEL.training());
    assertThatThrownBy(() -> ModelCodec.encode(withOdd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot save a flow layer of type " + odd.getClass().getName());
  }

  @Test
  void write_thenRead_roundTripsAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("m.model");
    Files.writeString(file, "an older file that gets replaced");
    ModelCodec.write(MODEL, file);
    assertThat(Files.readAllBytes(file)).isEqualTo(ModelCodec.encode(MODEL));
    assertThat(ModelCodec.read(file).training()).isEqualTo(MODEL.training());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void read_corruptFile_namesTheFile() throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "a,b\n1,2\n");
    assertThatThrownBy(() -> ModelCodec.read(file))
        .isInstanceOf(CorruptModelException.class)
        .hasMessageStartingWith(file + ": not a surprisal model");
  }

  @Test
  void read_missingFile_throwsNoSuchFile() {
    assertThatThrownBy(() -> ModelCodec.read(dir.resolve("nope.model"))).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> ModelCodec.write(MODEL, dir.resolve("no/such/dir/m.model")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
