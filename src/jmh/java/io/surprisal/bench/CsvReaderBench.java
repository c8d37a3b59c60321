package io.surprisal.bench;

import io.surprisal.io.CsvReader;
import io.surprisal.io.NumericRows;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second that {@link CsvReader} parses through the streaming cursor: 8 numeric features
 * plus a text id column that is skipped, as a {@code score} input would look. The CSV is generated
 * in memory so that the disk is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CsvReaderBench.ROWS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CsvReaderBench {
  static final int ROWS = 20_000;
  private static final List<String> FEATURES =
      List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8");

  private String csv;

  @Setup
  public void generate() {
    SplittableRandom random = new SplittableRandom(1);
    StringBuilder text = new StringBuilder("id,").append(String.join(",", FEATURES)).append('\n');
    for (int i = 0; i < ROWS; i++) {
      text.append("event-").append(i);
      for (int j = 0; j < FEATURES.size(); j++) {
        text.append(',').append(random.nextGaussian() * 100);
      }
      text.append('\n');
    }
    csv = text.toString();
  }

  /** Score: rows per second. Returns a sum so the parsing cannot be optimized away. */
  @Benchmark
  public double selectFeatures() throws IOException {
    double sum = 0;
    try (CsvReader reader = CsvReader.of(new StringReader(csv), "bench.csv")) {
      NumericRows rows = reader.select(FEATURES);
      while (rows.next()) {
        sum += rows.values()[0];
      }
    }
    return sum;
  }
}
