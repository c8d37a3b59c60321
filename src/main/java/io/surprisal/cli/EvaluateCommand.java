package io.surprisal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.surprisal.eval.AveragePrecision;
import io.surprisal.eval.Protocol;
import io.surprisal.eval.RocAuc;
import io.surprisal.eval.Split;
import io.surprisal.eval.baseline.BaselineKind;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.NoiseCandidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code surprisal evaluate}: for each seed, splits labelled rows by the protocol, fits on the
 * training rows (labels unseen) and ranks the test rows by NLL against their labels. With {@code
 * --compare}, classic detectors ({@link BaselineKind}) are fitted on the same training rows and
 * rank the same test rows, seeded with the same seed.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, defaultValueProvider = FitDefaults.class,
    description = "Measures how well models fitted with the given options find the labelled anomalies of a CSV"
        + " file: ROC-AUC, PR-AUC (average precision) and test NLL per seed, and their mean.")
final class EvaluateCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);
  /** The {@code --compare} value that stands for every detector. */
  static final String ALL = "all";

  @Spec CommandSpec spec;
  @ParentCommand Main main;

  @Option(names = "--input", required = true, paramLabel = "CSV", description = "Labelled rows, with a header.")
  Path input;

  @Option(names = "--label-column", required = true, paramLabel = "COLUMN",
      description = "The label: 1 (or true) for an anomaly, 0 (or false) for a normal row. Not a feature.")
  String label;

  @Option(names = "--exclude", split = ",", paramLabel = "COLUMN",
      description = "Other columns that are not features, comma-separated.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--protocol", paramLabel = "semi|unsup", defaultValue = "semi", description = "semi: train on a"
      + " random half of the normal rows, test on the rest and all anomalies. unsup: train on a bootstrap sample"
      + " of all rows, test on all rows. Default: semi.")
  Protocol protocol;

  @Option(names = "--seeds", split = ",", paramLabel = "S", defaultValue = "0,1,2",
      description = "One split and fit per seed. Default: ${DEFAULT-VALUE}.")
  List<Long> seeds;

  @Option(names = "--json", description = "Print the results as JSON instead of a table.")
  boolean json;

  private List<BaselineKind> compare = List.of();

  @Option(names = "--compare", split = ",", paramLabel = "DETECTOR", description = "Also run classic detectors on"
      + " the same splits and seeds, and report them beside the flow: iforest (Isolation Forest), knn (mean"
      + " distance to the 5 nearest training rows), lof (Local Outlier Factor), gmm (Gaussian mixture, BIC),"
      + " rcf (Random Cut Forest), comma-separated, or all.")
  void compare(List<String> names) {
    Set<BaselineKind> kinds = new LinkedHashSet<>();
    for (String name : names) {
      String wanted = name.trim().toLowerCase(Locale.ROOT);
      if (wanted.equals(ALL)) {
        kinds.addAll(Arrays.asList(BaselineKind.values()));
        continue;
      }
      kinds.add(Arrays.stream(BaselineKind.values()).filter(k -> k.label().equals(wanted)).findFirst()
          .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown detector '" + name
              + "' for --compare; valid: " + validNames())));
    }
    compare = List.copyOf(kinds);
  }

  private static String validNames() {
    return Arrays.stream(BaselineKind.values()).map(BaselineKind::label).collect(Collectors.joining(", "))
        + ", " + ALL;
  }

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    FitOptions options = model.fitOptions(spec.commandLine());
    FeatureTable data = FeatureTable.read(input, exclude, label);
    boolean[] anomalous = data.anomalous();
    List<EvaluationReport.SeedResult> results = new ArrayList<>();
    List<List<EvaluationReport.DetectorResult>> compared = new ArrayList<>();
    compare.forEach(kind -> compared.add(new ArrayList<>()));
    for (long seed : seeds) {
      Split split = protocol.split(anomalous, seed);
      results.add(evaluate(data, options.withTraining(options.training().withSeed(seed)), split, seed));
      for (int k = 0; k < compare.size(); k++) {
        compared.get(k).add(compare(compare.get(k), data, split, seed));
      }
    }
    List<EvaluationReport.Comparison> comparisons = new ArrayList<>();
    for (int k = 0; k < compare.size(); k++) {
      comparisons.add(new EvaluationReport.Comparison(compare.get(k).label(), compared.get(k)));
    }
    int anomalies = 0;
    for (boolean a : anomalous) {
      anomalies += a ? 1 : 0;
    }
    EvaluationReport report = new EvaluationReport(input.toString(), protocol,
        ModelSummary.flowName(options.training().spec()), data.features().size(), data.rows(), anomalies, results,
        comparisons);
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      spec.commandLine().getOut().println(mapper.writeValueAsString(report.json()));
    } else {
      spec.commandLine().getOut().print(report.table());
    }
    return 0;
  }

  private EvaluationReport.SeedResult evaluate(FeatureTable data, FitOptions options, Split split, long seed) {
    boolean[] anomalous = data.anomalous();
    long start = System.nanoTime();
    DensityModel fitted = TrainingProgress.fit(options, data.features(), data.values(split.train()),
        split.train().length, main.progressBar(), "seed " + seed + " epoch");
    double seconds = (System.nanoTime() - start) / 1e9;
    int[] test = split.test();
    double[] nll = new double[test.length];
    boolean[] labels = new boolean[test.length];
    double normalNll = 0;
    int normals = 0;
    for (int i = 0; i < test.length; i++) {
      nll[i] = -fitted.logDensity(data.row(test[i]));
      labels[i] = anomalous[test[i]];
      if (!labels[i]) {
        normalNll += nll[i];
        normals++;
      }
    }
    return new EvaluationReport.SeedResult(seed, split.train().length, test.length, test.length - normals,
        RocAuc.of(nll, labels), AveragePrecision.of(nll, labels), normals > 0 ? normalNll / normals : Double.NaN,
        seconds, fitted.training().chosenNoise().map(NoiseCandidate::noise).orElse(options.noise().toString()));
  }

  /** Fits one classic detector on the split's training rows and ranks its test rows. */
  private static EvaluationReport.DetectorResult compare(BaselineKind kind, FeatureTable data, Split split, long seed) {
    long start = System.nanoTime();
    double[] scores = kind.create().fit(data.rowArrays(split.train()), seed).score(data.rowArrays(split.test()));
    double seconds = (System.nanoTime() - start) / 1e9;
    boolean[] labels = new boolean[split.test().length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.anomalous()[split.test()[i]];
    }
    var result = new EvaluationReport.DetectorResult(seed, RocAuc.of(scores, labels),
        AveragePrecision.of(scores, labels), seconds);
    if (LOG.isInfoEnabled()) {
      LOG.info(String.format(Locale.ROOT, "seed %d %s: ROC-AUC %.2f %%, PR-AUC %.2f %% in %.1f s", seed, kind.label(),
          100 * result.rocAuc(), 100 * result.prAuc(), seconds));
    }
    return result;
  }
}
