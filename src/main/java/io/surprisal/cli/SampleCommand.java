package io.surprisal.cli;

import io.surprisal.io.CsvWriter;
import io.surprisal.model.DensityModel;
import io.surprisal.model.codec.ModelCodec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code surprisal sample}: synthetic rows drawn from a model, written in chunks. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Draws synthetic rows from a model into a CSV file with the model's feature names as header.")
final class SampleCommand implements Callable<Integer> {
  /** Rows drawn at a time, so memory does not grow with --count. */
  static final int CHUNK = 4096;

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model written by fit.")
  Path model;

  @Option(names = "--count", required = true, paramLabel = "N", description = "Number of rows to draw.")
  long count;

  @Option(names = "--output", required = true, paramLabel = "CSV", description = "Where to write the rows.")
  Path output;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the draws. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (count < 0) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--count': " + count + " (must be >= 0)");
    }
    DensityModel m = ModelCodec.read(model);
    SplittableRandom chunkSeeds = new SplittableRandom(seed);
    try (OutputFile file = OutputFile.create(output)) {
      try (CsvWriter out = CsvWriter.create(file.temporary(), m.features())) {
        for (long done = 0; done < count; done += CHUNK) {
          for (double[] row : m.sample((int) Math.min(CHUNK, count - done), chunkSeeds.nextLong())) {
            out.writeRow(row);
          }
        }
      }
      file.commit();
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d rows of %d features to %s%n", count,
        m.features().size(), output);
    return 0;
  }
}
