package io.surprisal.model;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fitted anomaly model: preprocessing, a normalizing flow over the active features, a conformal
 * calibration set and the alert level. {@code log p(x)} is a density in the original feature space.
 *
 * <p>Immutable and safe to share between threads; scoring allocates nothing per event (each thread
 * keeps its own scratch space).
 */
public final class DensityModel {
  /** Baseline-Shapley permutations used by {@link #explain} (half of them reversed, antithetic). */
  public static final int ATTRIBUTION_PERMUTATIONS = 2;

  private final List<String> features;
  private final Preprocessing preprocessing;
  private final FlowSpec spec;
  private final NormalizingFlow flow;
  private final Calibration calibration;
  private final double alpha;
  private final double[] reference;
  private final TrainingInfo training;
  private final ThreadLocal<Scratch> scratch;

  public DensityModel(List<String> features, Preprocessing preprocessing, FlowSpec spec, NormalizingFlow flow,
      Calibration calibration, double alpha, double[] reference, TrainingInfo training) {
    if (features.size() != preprocessing.dim() || reference.length != features.size()) {
      throw new IllegalArgumentException("model parts disagree on the number of features: " + features.size()
          + " names, " + preprocessing.dim() + " scalings, " + reference.length + " reference values");
    }
    if (flow.dim() != preprocessing.activeDim()) {
      throw new IllegalArgumentException("flow has dimension " + flow.dim() + " but " + preprocessing.activeDim()
          + " features are active");
    }
    checkAlpha(alpha);
    this.features = List.copyOf(features);
    this.preprocessing = preprocessing;
    this.spec = spec;
    this.flow = flow;
    this.calibration = calibration;
    this.alpha = alpha;
    this.reference = reference.clone();
    this.training = training;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(preprocessing, flow));
  }

  static void checkAlpha(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
  }

  public List<String> features() {
    return features;
  }

  public Preprocessing preprocessing() {
    return preprocessing;
  }

  public FlowSpec spec() {
    return spec;
  }

  public NormalizingFlow flow() {
    return flow;
  }

  public Calibration calibration() {
    return calibration;
  }

  public double alpha() {
    return alpha;
  }

  public double[] reference() {
    return reference.clone();
  }

  public TrainingInfo training() {
    return training;
  }

  /** A copy with another alert level. */
  public DensityModel withAlpha(double a) {
    return new DensityModel(features, preprocessing, spec, flow, calibration, a, reference, training);
  }

  /** {@code log p(x)} in nats; x must have one finite value per feature, in {@link #features()} order. */
  public double logDensity(double[] x) {
    validate(x);
    return logDensityUnchecked(x, scratch.get());
  }

  private double logDensityUnchecked(double[] x, Scratch s) {
    double pre = preprocessing.forward(x, 0, s.z, 0, null, s.tmp);
    return pre + flow.logDensity(s.z, 0, s.ws);
  }

  /** Log-likelihood, conformal p-value and alert at this model's alpha. */
  public Score score(double[] x) {
    return score(x, alpha);
  }

  /** Log-likelihood, conformal p-value and alert at the given alpha. */
  public Score score(double[] x, double alertLevel) {
    checkAlpha(alertLevel);
    double ll = logDensity(x);
    double p = calibration.pValue(-ll);
    return new Score(ll, p, p <= alertLevel);
  }

  /**
   * Per-feature contributions to the surprisal of x relative to the reference point x0 (training
   * medians), by baseline Shapley values estimated over {@link #ATTRIBUTION_PERMUTATIONS} feature
   * orderings (Strumbelj and Kononenko 2014; Sundararajan and Najmi 2020): each ordering switches
   * features from x0 to x one at a time and credits each with the change in NLL, so every ordering
   * telescopes and the contributions add up to {@code NLL(x) - NLL(x0)} exactly. The orderings
   * come as an antithetic pair, a random ordering and its reverse: every pair of features then
   * meets once in each order, so the estimate is exact for an NLL with interactions of at most two
   * features, and an explanation costs {@code 2 + 2 (d - 1)} flow evaluations (with 11 features
   * and 1 % of events alerting, a fifth of the cost of scoring every event). Deterministic.
   *
   * @return the {@code topK} features with the largest contributions, largest first
   */
  public List<Attribution> explain(double[] x, int topK) {
    validate(x);
    int d = features.size();
    Scratch s = scratch.get();
    double[] phi = new double[d];
    double base = -logDensityUnchecked(reference, s);
    int[] order = new int[d];
    for (int j = 0; j < d; j++) {
      order[j] = j;
    }
    double full = -logDensityUnchecked(x, s); // where every ordering ends: evaluated once
    SplittableRandom random = new SplittableRandom(0x5eed);
    double[] cur = new double[d];
    for (int p = 0; p < ATTRIBUTION_PERMUTATIONS; p++) {
      if (p % 2 == 0) {
        shuffle(order, random);
      }
      System.arraycopy(reference, 0, cur, 0, d);
      double prev = base;
      for (int k = 0; k < d; k++) {
        int j = p % 2 == 0 ? order[k] : order[d - 1 - k];
        cur[j] = x[j];
        double v = k == d - 1 ? full : -logDensityUnchecked(cur, s);
        phi[j] += v - prev;
        prev = v;
      }
    }
    List<Attribution> out = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      out.add(new Attribution(features.get(j), x[j], reference[j], phi[j] / ATTRIBUTION_PERMUTATIONS));
    }
    out.sort(Comparator.comparingDouble(Attribution::contribution).reversed());
    return List.copyOf(out.subList(0, Math.min(Math.max(0, topK), d)));
  }

  /** {@code n} synthetic events drawn from the model, in the original feature space. */
  public double[][] sample(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("sample count must be >= 0, got " + n);
    }
    SplittableRandom random = new SplittableRandom(seed);
    NormalizingFlow.Workspace ws = flow.newWorkspace();
    double[] za = new double[flow.dim()];
    double[][] out = new double[n][features.size()];
    for (int i = 0; i < n; i++) {
      flow.sample(random, za, 0, ws);
      preprocessing.inverse(za, 0, random, out[i], 0);
    }
    return out;
  }

  /** Throws {@link InvalidFeatureException} naming the first feature that is not a finite number. */
  public void validate(double[] x) {
    if (x.length != features.size()) {
      throw new InvalidFeatureException(null,
          "expected " + features.size() + " feature values " + features + ", got " + x.length);
    }
    for (int j = 0; j < x.length; j++) {
      if (!Double.isFinite(x[j])) {
        throw new InvalidFeatureException(features.get(j),
            "feature '" + features.get(j) + "' is " + x[j] + "; scores need finite values");
      }
    }
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Per-thread scratch. */
  private static final class Scratch {
    final double[] tmp;
    final double[] z;
    final NormalizingFlow.Workspace ws;

    Scratch(Preprocessing pre, NormalizingFlow flow) {
      this.tmp = new double[pre.scratchSize()];
      this.z = new double[flow.dim()];
      this.ws = flow.newWorkspace();
    }
  }

  @Override
  public String toString() {
    return "DensityModel" + Arrays.asList(features.size() + " features", spec, "alpha=" + alpha);
  }
}
