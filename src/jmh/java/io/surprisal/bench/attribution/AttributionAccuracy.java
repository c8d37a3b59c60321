package io.surprisal.bench.attribution;

import io.surprisal.generate.AnomalyKind;
import io.surprisal.generate.SimulatedEvent;
import io.surprisal.generate.TelemetrySimulator;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import io.surprisal.model.TrainingNoise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How often an alert's top attribution names the feature that was broken, baseline Shapley values
 * against the training medians (the old {@code explain}) against conditional repair (today's), and
 * what {@code explain} costs per alerting event. Each part fits a model on normal rows with
 * {@code fit}'s defaults ({@code noise=sharp} for {@link TrainingNoise#SHARP}), scores broken
 * events and counts, among those that alert at the model's alpha, the top-1 hits.
 *
 * <ul>
 *   <li>{@code gaussian}: {@link FlippedGaussian} at d = 6 and d = 16, one feature reflected through
 *       its mean;</li>
 *   <li>{@code telemetry}: the simulator's anomaly kinds, each with the features it sets
 *       ({@link TelemetryRows#broken});</li>
 *   <li>{@code timing}: mean microseconds of one explanation of an alerting flipped-Gaussian event
 *       at d = 6 and d = 32, both methods, after warm-up.</li>
 * </ul>
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/benchmarks.jar \
 *     io.surprisal.bench.attribution.AttributionAccuracy [gaussian] [telemetry] [timing] [rows=10000] [events=10000] [noise=auto]
 * </pre>
 */
public final class AttributionAccuracy {
  private static volatile double sunk;

  private AttributionAccuracy() {}

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>(Map.of("rows", "10000", "events", "10000", "noise", "auto"));
    List<String> parts = new ArrayList<>();
    for (String a : args) {
      if (a.contains("=")) {
        options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else {
        parts.add(a);
      }
    }
    if (parts.isEmpty()) {
      parts = List.of("gaussian", "telemetry", "timing");
    }
    int rows = Integer.parseInt(options.get("rows"));
    int events = Integer.parseInt(options.get("events"));
    TrainingNoise noise = options.get("noise").equals("sharp") ? TrainingNoise.SHARP : TrainingNoise.parse(options.get("noise"));
    List<String> out = new ArrayList<>();
    if (parts.contains("gaussian")) {
      for (int d : new int[] {6, 16}) {
        out.add(gaussian(d, rows, events, noise).report(false));
      }
    }
    if (parts.contains("telemetry")) {
      out.addAll(telemetry(rows, events, noise));
    }
    if (parts.contains("timing")) {
      for (int d : new int[] {6, 32}) {
        out.add(timing(d, rows, noise));
      }
    }
    System.out.println("\nrows=" + rows + " events=" + events + " noise=" + noise);
    out.forEach(System.out::println);
  }

  private static DensityModel fit(List<String> names, double[] rows, int n, TrainingNoise noise) {
    return new ModelFitter(FitOptions.defaults().withNoise(noise)).fit(names, rows, n, epoch -> { });
  }

  private static Tally gaussian(int d, int rows, int events, TrainingNoise noise) {
    FlippedGaussian truth = new FlippedGaussian(d, 42);
    DensityModel model = fit(truth.names(), truth.rows(rows, 1), rows, noise);
    Tally tally = new Tally("gaussian d=" + d);
    for (FlippedGaussian.Event e : truth.broken(events, 2)) {
      tally.event();
      if (model.score(e.x()).alert()) {
        Set<String> broken = Set.of(truth.names().get(e.broken()));
        String old = truth.names().get(BaselineShapley.top(model, e.x()));
        tally.alert(old, model.explain(e.x(), 1).get(0).feature(), broken, broken);
      }
    }
    return tally;
  }

  private static List<String> telemetry(int rows, int events, TrainingNoise noise) {
    List<String> names = TelemetryRows.FEATURES;
    int d = names.size();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    TelemetrySimulator normal = new TelemetrySimulator(1, 0, start);
    double[] train = new double[rows * d];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(TelemetryRows.row(normal.next().value()), 0, train, i * d, d);
    }
    DensityModel model = fit(names, train, rows, noise);
    Map<AnomalyKind, Tally> byKind = new EnumMap<>(AnomalyKind.class);
    Tally all = new Tally("telemetry, all");
    TelemetrySimulator anomalies = new TelemetrySimulator(2, 1, start);
    for (int i = 0; i < events; i++) {
      SimulatedEvent e = anomalies.next();
      Tally kind = byKind.computeIfAbsent(e.kind(), k -> new Tally(k.headerValue()));
      kind.event();
      all.event();
      double[] x = TelemetryRows.row(e.value());
      if (model.score(x).alert()) {
        Set<String> broken = TelemetryRows.broken(e.kind());
        Set<String> following = TelemetryRows.brokenOrFollowing(e.kind());
        String old = names.get(BaselineShapley.top(model, x));
        String top = model.explain(x, 1).get(0).feature();
        kind.alert(old, top, broken, following);
        all.alert(old, top, broken, following);
      }
    }
    List<String> out = new ArrayList<>();
    byKind.values().forEach(t -> out.add(t.report(true)));
    out.add(all.report(true));
    return out;
  }

  private static String timing(int d, int rows, TrainingNoise noise) {
    FlippedGaussian truth = new FlippedGaussian(d, 42);
    DensityModel model = fit(truth.names(), truth.rows(rows, 1), rows, noise);
    List<double[]> alerting = new ArrayList<>();
    for (FlippedGaussian.Event e : truth.broken(20_000, 3)) {
      if (alerting.size() < 200 && model.score(e.x()).alert()) {
        alerting.add(e.x());
      }
    }
    double sink = 0;
    long oldNanos = 0;
    long newNanos = 0;
    int passes = 8;
    for (int pass = 0; pass < 2 * passes; pass++) { // the first half warms up
      long t0 = System.nanoTime();
      for (double[] x : alerting) {
        sink += BaselineShapley.contributions(model, x)[0];
      }
      long t1 = System.nanoTime();
      for (double[] x : alerting) {
        sink += model.explain(x, 3).get(0).contribution();
      }
      long t2 = System.nanoTime();
      if (pass >= passes) {
        oldNanos += t1 - t0;
        newNanos += t2 - t1;
      }
    }
    sunk = sink; // keeps the results alive
    double per = 1e3 * passes * alerting.size();
    return String.format(Locale.ROOT, "explain d=%-3d %d alerting events x %d passes: baseline Shapley %.1f us,"
        + " conditional repair (top 3) %.1f us per event (%.0fx)", d, alerting.size(), passes, oldNanos / per,
        newNanos / per, (double) newNanos / oldNanos);
  }
}
