package io.surprisal.cli;

import io.surprisal.eval.Protocol;
import io.surprisal.io.CsvReader;
import io.surprisal.io.NumericRows;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Test-only command: prints the sum of the chosen columns of each row of a CSV file. */
@Command(name = "row-sum", description = "Test command: sums columns of each CSV row.")
final class RowSumCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true)
  Path input;

  @Option(names = "--columns", split = ",", required = true)
  List<String> columns;

  @Option(names = "--protocol")
  Protocol protocol = Protocol.SEMI;

  @Override
  public Integer call() throws Exception {
    try (CsvReader csv = CsvReader.open(input)) {
      NumericRows rows = csv.select(columns, "required by row-sum");
      while (rows.next()) {
        double sum = 0;
        for (double v : rows.values()) {
          sum += v;
        }
        spec.commandLine().getOut().println(sum);
      }
    }
    spec.commandLine().getOut().println("protocol " + protocol);
    return 0;
  }
}
