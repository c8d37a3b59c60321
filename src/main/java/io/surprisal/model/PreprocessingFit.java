package io.surprisal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits {@link Preprocessing} to training rows: detects constant and discrete (lattice-valued)
 * features, takes robust location and scale, and decides on the log transform for heavy tails.
 */
public final class PreprocessingFit {
  /** When to apply the symmetric log transform. */
  public enum LogTransform { AUTO, NEVER, ALWAYS }

  /** Which lattice-valued features to dequantise. */
  public enum Dequantize { AUTO, INTEGER, NEVER }

  private static final double SKEW_THRESHOLD = 2.0;
  private static final double CONSTANT_RELATIVE_SCALE = 1e-3;

  /** Share of rows the robust whitening covariance ignores. */
  static final double WHITENING_TRIM = 0.1;

  private final LogTransform logTransform;
  private final Dequantize dequantize;
  private final boolean whiten;

  public PreprocessingFit(LogTransform logTransform, Dequantize dequantize) {
    this(logTransform, dequantize, false);
  }

  public PreprocessingFit(LogTransform logTransform, Dequantize dequantize, boolean whiten) {
    this.logTransform = logTransform;
    this.dequantize = dequantize;
    this.whiten = whiten;
  }

  /** Fits on {@code n} rows of {@code d} features stored row-major. */
  public Preprocessing fit(double[] rows, int n, int d) {
    if (n < 1) {
      throw new IllegalArgumentException("cannot fit preprocessing on zero rows");
    }
    List<FeatureScaling> out = new ArrayList<>(d);
    double[] col = new double[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        col[i] = rows[i * d + j];
      }
      out.add(fitColumn(col.clone()));
    }
    Preprocessing scaled = new Preprocessing(out);
    if (!whiten || scaled.activeDim() < 2) {
      return scaled;
    }
    return new Preprocessing(out, whitening(rows, n, d, scaled));
  }

  /** Robust ZCA whitening of the scaled active features (cell centres, plus the dequantisation variance). */
  private static Whitening whitening(double[] rows, int n, int d, Preprocessing scaled) {
    int a = scaled.activeDim();
    double[] z = new double[n * a];
    double[] tmp = new double[scaled.scratchSize()];
    for (int i = 0; i < n; i++) {
      scaled.forward(rows, i * d, z, i * a, null, tmp);
    }
    double[] extra = new double[a];
    int[] idx = scaled.activeIndices();
    for (int k = 0; k < a; k++) {
      FeatureScaling f = scaled.features().get(idx[k]);
      double q = f.quantum() / f.scale();
      extra[k] = f.type() == FeatureType.DISCRETE && !f.symlog() ? q * q / 12 : 0;
    }
    return Whitening.fit(z, n, a, extra, WHITENING_TRIM);
  }

  FeatureScaling fitColumn(double[] v) {
    Arrays.sort(v);
    int n = v.length;
    if (v[0] == v[n - 1]) {
      double c = v[0];
      return new FeatureScaling(FeatureType.CONSTANT, c, CONSTANT_RELATIVE_SCALE * Math.max(1, Math.abs(c)), 0, 0,
          false);
    }
    double quantum = lattice(v);
    boolean discrete = quantum > 0;
    double shift = discrete ? quantum / 2 : 0; // standardise cell centres
    double median = quantile(v, 0.5) + shift;
    double iqr = quantile(v, 0.75) - quantile(v, 0.25);
    double scale = iqr / 1.349;
    if (!(scale > 0)) {
      scale = std(v);
    }
    if (discrete) {
      scale = Math.max(scale, quantum / Math.sqrt(12)); // at least the spread of one dequantised cell
    }
    boolean symlog = switch (logTransform) {
      case NEVER -> false;
      case ALWAYS -> true;
      case AUTO -> Math.abs(skewness(v)) > SKEW_THRESHOLD;
    };
    return new FeatureScaling(discrete ? FeatureType.DISCRETE : FeatureType.CONTINUOUS, median, scale,
        discrete ? quantum : 0, discrete ? v[0] : 0, symlog);
  }

  /**
   * The lattice step if the sorted values lie on {@code v[0] + k * step} (integers always; other
   * lattices only under {@link Dequantize#AUTO} and when values repeat, i.e. at most a third of the
   * rows are distinct), else 0.
   */
  double lattice(double[] sorted) {
    if (dequantize == Dequantize.NEVER) {
      return 0;
    }
    boolean integers = true;
    int distinct = 1;
    double gap = Double.POSITIVE_INFINITY;
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != Math.rint(sorted[i])) {
        integers = false;
      }
      if (i > 0 && sorted[i] != sorted[i - 1]) {
        distinct++;
        gap = Math.min(gap, sorted[i] - sorted[i - 1]);
      }
    }
    if (integers) {
      return 1;
    }
    if (dequantize != Dequantize.AUTO || distinct > sorted.length / 3 || !(gap > 0)) {
      return 0;
    }
    double origin = sorted[0];
    double tolerance = 1e-6;
    for (int i = 1; i < sorted.length; i++) {
      double k = (sorted[i] - origin) / gap;
      if (Math.abs(k - Math.rint(k)) > tolerance * Math.max(1, k)) {
        return 0;
      }
    }
    return gap;
  }

  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double std(double[] v) {
    double mean = Arrays.stream(v).average().orElse(0);
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return Math.sqrt(s / Math.max(1, v.length - 1));
  }

  private static double skewness(double[] v) {
    double mean = Arrays.stream(v).average().orElse(0);
    double m2 = 0;
    double m3 = 0;
    for (double x : v) {
      double c = x - mean;
      m2 += c * c;
      m3 += c * c * c;
    }
    m2 /= v.length;
    m3 /= v.length;
    return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
  }
}
