package io.surprisal.bench;

import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.generate.EventSource;
import io.surprisal.generate.LabelledEvent;
import io.surprisal.generate.Simulation;
import io.surprisal.model.DensityModel;
import io.surprisal.trainer.FeatureSpec;
import io.surprisal.trainer.RetrainOutcome;
import io.surprisal.trainer.Retrainer;
import io.surprisal.trainer.TrainerConfig;
import io.surprisal.trainer.WindowSnapshot;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * The alert threshold of a trainer's first model, fitted on a window that holds 1 % anomalies, judged
 * on 50,000 fresh events (1 % anomalies, another seed): precision, recall and false-positive rate at
 * the model's alpha, with the calibration tail of this release and with the rule it replaced (the
 * calibration scores above Q3 + 4 IQR dropped, then conformal p-values and an exponential tail
 * beyond the largest score, its scale the mean excess of the top tenth). The last column is the
 * recall at the fresh normal events' own {@code 1 - alpha} quantile: the best any threshold can do
 * at a false-positive rate of alpha with these scores.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/benchmarks.jar io.surprisal.bench.ContaminatedThresholds \
 *     sensors|telemetry [window] [simulation.seed=S] [trainer.key=value ...]
 * </pre>
 *
 * The window defaults to 20,000 events (the trainer's {@code window.size}) of simulation seed 1; the
 * trainer settings default to the trainer's defaults.
 */
public final class ContaminatedThresholds {
  private static final int FRESH = 50_000;

  private ContaminatedThresholds() {}

  public static void main(String[] args) {
    Simulation simulation = Simulation.valueOf(args[0].toUpperCase(Locale.ROOT));
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Map<String, String> settings = new HashMap<>(Map.of("bootstrap.servers", "unused:9092", "input.topic", "unused"));
    for (int i = 2; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      settings.put(kv[0], kv[1]);
    }
    long seed = Long.parseLong(settings.getOrDefault("simulation.seed", "1"));
    settings.remove("simulation.seed");
    Config config = Config.of(settings, ConfigKeys.ALL);

    EventSource window = simulation.events(seed, 0.01, Instant.parse("2025-03-01T00:00:00Z"));
    EventSource fresh = simulation.events(42, 0.01, Instant.parse("2025-03-02T00:00:00Z"));
    LabelledEvent first = window.next();
    FeatureSpec spec = FeatureSpec.of(((GenericRecord) first.value()).getSchema(), List.of());
    int d = spec.size();
    double[] rows = new double[n * d];
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      spec.extract((GenericRecord) (i == 0 ? first : window.next()).value(), x);
      System.arraycopy(x, 0, rows, i * d, d);
    }
    long[] times = new long[n];
    Arrays.setAll(times, i -> i);
    WindowSnapshot snapshot = new WindowSnapshot(d, rows, times, new int[n], times.clone());

    double holdout = config.get(TrainerConfig.RETRAIN_HOLDOUT_FRACTION);
    RetrainOutcome outcome = new Retrainer(TrainerConfig.fitOptions(config), holdout, 1e9, true).retrain(spec.names(), snapshot, null, TrainingListener.NONE);
    DensityModel model = switch (outcome) {
      case RetrainOutcome.Accepted a -> a.candidate().model();
      case RetrainOutcome.Refused r -> r.candidate().model();
    };
    double alpha = model.alpha();

    double[] nll = new double[FRESH];
    boolean[] anomaly = new boolean[FRESH];
    for (int i = 0; i < FRESH; i++) {
      LabelledEvent e = fresh.next();
      spec.extract((GenericRecord) e.value(), x);
      nll[i] = -model.logDensity(x);
      anomaly[i] = e.isAnomaly();
    }
    double[] normal = java.util.stream.IntStream.range(0, FRESH).filter(i -> !anomaly[i]).mapToDouble(i -> nll[i])
        .sorted().toArray();
    double oracle = normal[(int) Math.ceil((1 - alpha) * normal.length) - 1];

    double[] calibration = model.calibration().scores();
    double before = FormerThreshold.of(calibration, alpha, true);
    double now = model.calibration().threshold(alpha);
    System.out.printf(Locale.ROOT, "%s, window %d (seed %d), %s: %d calibration scores (%d outliers), alpha %s%n",
        simulation, n, seed, settings.keySet().stream().filter(k -> k.startsWith("model.")).sorted()
            .map(k -> k + "=" + settings.get(k)).toList(), calibration.length, model.calibration().outliers(), alpha);
    System.out.println("| threshold | NLL | precision | recall | false-positive rate"
        + " | recall at the normal 1-alpha quantile |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    row("before (fence + conformal)", before, nll, anomaly, recall(oracle, nll, anomaly));
    row("now (censored tail)", now, nll, anomaly, recall(oracle, nll, anomaly));
  }

  private static double recall(double threshold, double[] nll, boolean[] anomaly) {
    long hits = 0;
    long all = 0;
    for (int i = 0; i < nll.length; i++) {
      if (anomaly[i]) {
        all++;
        hits += nll[i] >= threshold ? 1 : 0;
      }
    }
    return hits / (double) all;
  }

  private static void row(String name, double threshold, double[] nll, boolean[] anomaly, double oracleRecall) {
    long tp = 0;
    long fp = 0;
    long normals = 0;
    for (int i = 0; i < nll.length; i++) {
      boolean alert = nll[i] >= threshold;
      tp += alert && anomaly[i] ? 1 : 0;
      fp += alert && !anomaly[i] ? 1 : 0;
      normals += anomaly[i] ? 0 : 1;
    }
    System.out.printf(Locale.ROOT, "| %s | %.2f | %.3f | %.3f | %.3f %% | %.3f |%n", name, threshold,
        tp / (double) Math.max(1, tp + fp), recall(threshold, nll, anomaly), 100.0 * fp / normals, oracleRecall);
  }
}
