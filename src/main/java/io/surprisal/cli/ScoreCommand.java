package io.surprisal.cli;

import io.surprisal.io.CsvReader;
import io.surprisal.io.CsvWriter;
import io.surprisal.io.NumericRows;
import io.surprisal.model.Attribution;
import io.surprisal.model.DensityModel;
import io.surprisal.model.Score;
import io.surprisal.model.codec.ModelCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code surprisal score}: one output row per input row, in order, streamed, so memory does not
 * grow with the file.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Scores every row of a CSV file: log-likelihood, conformal p-value and alert.")
final class ScoreCommand implements Callable<Integer> {
  static final List<String> COLUMNS = List.of("log_likelihood", "p_value", "alert");
  static final String EXPLAIN_COLUMN = "top_features";

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model written by fit.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "CSV",
      description = "Rows to score; needs the model's feature columns, others are ignored.")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "CSV",
      description = "Scores, one row per input row: log_likelihood,p_value,alert[,top_features].")
  Path output;

  @Option(names = "--alpha", paramLabel = "A",
      description = "Alert when the p-value is at most A. Default: the model's.")
  Double alpha;

  @Option(names = "--explain", paramLabel = "K", description = "Add a top_features column naming, for alerting"
      + " rows, the K features whose repair (set to its most likely value given the others) raises the"
      + " log-density most (name:gain in nats;...). Default: none.")
  int explain;

  @Override
  public Integer call() throws Exception {
    if (explain < 0) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--explain': " + explain
          + " (the number of features must be >= 0)");
    }
    DensityModel m = ModelCodec.read(model);
    double level = alpha == null ? m.alpha() : AlertLevel.check(spec.commandLine(), alpha);
    AlertLevel.unreachable(m.calibration(), level).ifPresent(spec.commandLine().getErr()::println);
    List<String> header = new ArrayList<>(COLUMNS);
    if (explain > 0) {
      header.add(EXPLAIN_COLUMN);
    }
    long alerts = 0;
    long rowsRead;
    try (OutputFile file = OutputFile.create(output); CsvReader csv = CsvReader.open(input)) {
      NumericRows rows = csv.select(m.features(), "required by the model " + model);
      try (CsvWriter out = CsvWriter.create(file.temporary(), header)) {
        while (rows.next()) {
          Score s = m.score(rows.values(), level);
          out.cell(s.logLikelihood()).cell(s.pValue()).cell(s.alert());
          if (explain > 0) {
            out.cell(s.alert() ? describe(m.explain(rows.values(), explain)) : "");
          }
          out.endRow();
          alerts += s.alert() ? 1 : 0;
        }
      }
      rowsRead = rows.rowsRead();
      file.commit();
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "scored %d rows of %s: %d alerts at alpha %s; wrote %s%n",
        rowsRead, input, alerts, level, output);
    return 0;
  }

  /** {@code name:gain;...}, gains in nats, largest first. */
  static String describe(List<Attribution> attributions) {
    return attributions.stream()
        .map(a -> a.feature() + ":" + String.format(Locale.ROOT, "%.3f", a.contribution()))
        .collect(Collectors.joining(";"));
  }
}
