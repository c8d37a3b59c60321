package io.surprisal.detect;

import io.surprisal.avro.FeatureField;
import io.surprisal.avro.FeatureFieldType;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A test event schema that is not the example one, to show that the detector reads any Avro record:
 * float, double in a nullable nested record, int, long and boolean features, and a string that is
 * not a feature.
 */
public final class HostReadings {
  public static final Schema LATENCY = SchemaBuilder.record("Latency").namespace("io.example.hosts").fields()
      .requiredDouble("p99_ms")
      .endRecord();
  public static final Schema SCHEMA = SchemaBuilder.record("HostReading").namespace("io.example.hosts").fields()
      .requiredString("host")
      .requiredFloat("load")
      .name("latency").type().unionOf().nullType().and().type(LATENCY).endUnion().nullDefault()
      .requiredInt("connections")
      .requiredLong("bytes_in")
      .requiredBoolean("healthy")
      .endRecord();
  public static final List<String> FEATURES = List.of("load", "latency.p99_ms", "connections", "bytes_in", "healthy");
  public static final List<FeatureField> SPEC = List.of(
      new FeatureField("load", FeatureFieldType.FLOAT),
      new FeatureField("latency.p99_ms", FeatureFieldType.DOUBLE),
      new FeatureField("connections", FeatureFieldType.INT),
      new FeatureField("bytes_in", FeatureFieldType.LONG),
      new FeatureField("healthy", FeatureFieldType.BOOLEAN));

  private HostReadings() {}

  public static GenericRecord reading(String host, float load, Double p99, int connections, long bytesIn,
      boolean healthy) {
    GenericData.Record record = new GenericData.Record(SCHEMA);
    record.put("host", host);
    record.put("load", load);
    if (p99 != null) {
      GenericData.Record latency = new GenericData.Record(LATENCY);
      latency.put("p99_ms", p99);
      record.put("latency", latency);
    }
    record.put("connections", connections);
    record.put("bytes_in", bytesIn);
    record.put("healthy", healthy);
    return record;
  }

  /** A typical reading: every feature at its training median. */
  public static GenericRecord normal(String host) {
    return reading(host, 1.0f, 200.0, 50, 1_000_000L, true);
  }

  /** A reading whose p99 latency is 240 standard deviations above the training mean. */
  public static GenericRecord anomalous(String host) {
    return reading(host, 1.0f, 5_000.0, 50, 1_000_000L, true);
  }

  /** The feature vector of a reading, in {@link #FEATURES} order. */
  public static double[] features(GenericRecord reading) {
    GenericRecord latency = (GenericRecord) reading.get("latency");
    return new double[] {(Float) reading.get("load"), (Double) latency.get("p99_ms"),
        (Integer) reading.get("connections"), (Long) reading.get("bytes_in"),
        (Boolean) reading.get("healthy") ? 1 : 0};
  }

  /** {@code n} training rows, row-major in {@link #FEATURES} order. */
  public static double[] trainingRows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] rows = new double[n * FEATURES.size()];
    for (int i = 0; i < n; i++) {
      int at = i * FEATURES.size();
      rows[at] = (float) (1.0 + 0.1 * gaussian(random));
      rows[at + 1] = 200 + 20 * gaussian(random);
      rows[at + 2] = Math.round(50 + 5 * gaussian(random));
      rows[at + 3] = Math.round(1e6 + 1e5 * gaussian(random));
      rows[at + 4] = random.nextDouble() < 0.9 ? 1 : 0;
    }
    return rows;
  }

  private static double gaussian(SplittableRandom random) {
    return random.nextGaussian();
  }
}
