package io.surprisal.bench.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A correlated Gaussian with known structure and events that break it: feature j loads on factor
 * {@code j % 2} with a loading in [0.7, 0.95] (so features of one group correlate 0.5 to 0.9, the
 * two groups not at all), with a mean in [-50, 50] and a standard deviation in [0.5, 20]. A broken
 * event is a normal one with one feature reflected through its mean, {@code x_j := 2 mean_j - x_j}:
 * the value stays within the feature's own range but now contradicts its group.
 */
final class FlippedGaussian {
  /** One broken event and the feature that was flipped. */
  record Event(double[] x, int broken) {}

  private final int dim;
  private final double[] mean;
  private final double[] sd;
  private final double[] loading;

  FlippedGaussian(int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    this.dim = dim;
    this.mean = new double[dim];
    this.sd = new double[dim];
    this.loading = new double[dim];
    for (int j = 0; j < dim; j++) {
      mean[j] = -50 + 100 * random.nextDouble();
      sd[j] = 0.5 + 19.5 * random.nextDouble();
      loading[j] = 0.7 + 0.25 * random.nextDouble();
    }
  }

  List<String> names() {
    List<String> out = new ArrayList<>(dim);
    for (int j = 0; j < dim; j++) {
      out.add("g" + j);
    }
    return out;
  }

  /** {@code n} normal rows, row-major. */
  double[] rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[n * dim];
    double[] row = new double[dim];
    for (int i = 0; i < n; i++) {
      draw(random, row);
      System.arraycopy(row, 0, out, i * dim, dim);
    }
    return out;
  }

  /** {@code n} broken events, the flipped feature cycling through all of them. */
  List<Event> broken(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Event> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] x = new double[dim];
      draw(random, x);
      int j = i % dim;
      x[j] = 2 * mean[j] - x[j];
      out.add(new Event(x, j));
    }
    return out;
  }

  private void draw(SplittableRandom random, double[] x) {
    double[] factor = {random.nextGaussian(), random.nextGaussian()};
    for (int j = 0; j < dim; j++) {
      double l = loading[j];
      x[j] = mean[j] + sd[j] * (l * factor[j % 2] + Math.sqrt(1 - l * l) * random.nextGaussian());
    }
  }
}
