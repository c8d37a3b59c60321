package io.surprisal.model;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import java.util.ArrayList;
import java.util.Arrays;
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
    return scratch.get().logDensity(x);
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
   * The features whose repair best explains x: for each feature j, the rise in log-density when
   * x_j alone is set to its most likely value given the other features,
   * {@code gain_j = max_v log p(x with x_j := v) - log p(x) >= 0}, found by a grid over the
   * feature's standardised range and a short refinement around its best point
   * ({@link ConditionalRepair}). An event that breaks a relation between features, each value within
   * its normal range, names the feature that broke it. Gains are separate what-ifs: they do not add up to the event's surprisal.
   * Deterministic.
   *
   * <p>Costs up to {@code 1 + d (GRID_POINTS + REFINE_STEPS)} flow evaluations for d features, and
   * up to {@code LATTICE_STEPS} more per discrete feature (the constants of
   * {@code ConditionalRepair}: 13 grid points, 6 refinement steps and 4 lattice steps, so at most
   * 210 to 254 with 11 features), against one for {@link #score}: callers on a stream explain
   * alerting events only.
   *
   * @return the {@code topK} features with the largest gains, largest first (ties in feature
   *     order), each with the value its repair would give it as {@link Attribution#reference()} and
   *     the gain in nats as {@link Attribution#contribution()}
   */
  public List<Attribution> explain(double[] x, int topK) {
    validate(x);
    Scratch s = scratch.get();
    s.repair.gains(x, s.logDensity(x), s.gain, s.repaired);
    int k = Math.min(Math.max(0, topK), x.length);
    List<Attribution> out = new ArrayList<>(k);
    boolean[] taken = s.taken;
    Arrays.fill(taken, false);
    for (int r = 0; r < k; r++) {
      int best = -1;
      for (int j = 0; j < x.length; j++) {
        if (!taken[j] && (best < 0 || s.gain[j] > s.gain[best])) {
          best = j;
        }
      }
      taken[best] = true;
      out.add(new Attribution(features.get(best), x[best], s.repaired[best], s.gain[best]));
    }
    return List.copyOf(out);
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

  /** Per-thread scratch: scoring buffers and the attribution search. */
  private static final class Scratch implements ConditionalRepair.Density {
    final Preprocessing pre;
    final NormalizingFlow flow;
    final double[] tmp;
    final double[] z;
    final NormalizingFlow.Workspace ws;
    final ConditionalRepair repair;
    final double[] gain;
    final double[] repaired;
    final boolean[] taken;

    Scratch(Preprocessing pre, NormalizingFlow flow) {
      this.pre = pre;
      this.flow = flow;
      this.tmp = new double[pre.scratchSize()];
      this.z = new double[flow.dim()];
      this.ws = flow.newWorkspace();
      this.repair = new ConditionalRepair(pre.features(), this);
      this.gain = new double[pre.dim()];
      this.repaired = new double[pre.dim()];
      this.taken = new boolean[pre.dim()];
    }

    @Override
    public double logDensity(double[] x) {
      return pre.forward(x, 0, z, 0, null, tmp) + flow.logDensity(z, 0, ws);
    }
  }

  @Override
  public String toString() {
    return "DensityModel" + Arrays.asList(features.size() + " features", spec, "alpha=" + alpha);
  }
}
