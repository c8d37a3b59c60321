package io.surprisal.bench;

import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import io.surprisal.model.TrainingInfo;
import io.surprisal.model.TrainingNoise;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Wall time of one {@code fit} with {@link FitOptions#defaults()} on generated correlated data,
 * 30,000 rows x 36 features unless told otherwise. A single end-to-end run rather than a JMH
 * benchmark: one fit takes about a minute and its time is what a user waits for. Training is
 * single-threaded, so the CPU time of the fitting thread is printed too: on a shared machine it is
 * closer to the time on an idle one than the wall time, though contention inflates it as well.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/benchmarks.jar io.surprisal.bench.FitTiming [rows] [features] [noise]
 * </pre>
 */
public final class FitTiming {
  private FitTiming() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    int features = args.length > 1 ? Integer.parseInt(args[1]) : 36;
    FitOptions options = args.length > 2 ? FitOptions.defaults().withNoise(TrainingNoise.parse(args[2])) : FitOptions.defaults();
    double[] data = correlatedRows(rows, features, 1);
    List<String> names = new ArrayList<>();
    for (int j = 0; j < features; j++) {
      names.add("f" + j);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    DensityModel model = new ModelFitter(options).fit(names, data, rows, epoch -> { });
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    TrainingInfo info = model.training();
    System.out.printf(Locale.ROOT,
        "fit %d x %d (%s, noise %s%s): %.1f s wall, %.1f s CPU of the fitting thread, %d epochs (best %d, %s), "
            + "%d training rows, %.0f training rows/s, validation NLL %.3f%n",
        rows, features, model.spec(), options.noise(),
        info.chosenNoise().map(c -> " chose " + c.noise() + " of " + info.noiseCandidates().size() + " tried").orElse(""),
        seconds, cpuSeconds, info.epochs(), info.bestEpoch(), info.stopReason(),
        info.trainingRows(), (double) info.trainingRows() * info.epochs() / seconds, info.validationNll());
  }

  /** Rows {@code x = A z} with {@code z ~ N(0, I)} and a random lower-triangular A (unit-ish diagonal). */
  static double[] correlatedRows(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] a = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        a[i][j] = 0.4 * random.nextGaussian();
      }
      a[i][i] = 1 + random.nextDouble();
    }
    double[] out = new double[n * d];
    double[] z = new double[d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        z[j] = random.nextGaussian();
      }
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int j = 0; j <= i; j++) {
          s += a[i][j] * z[j];
        }
        out[r * d + i] = s;
      }
    }
    return out;
  }
}
