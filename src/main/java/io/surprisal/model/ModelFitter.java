package io.surprisal.model;

import io.surprisal.flow.NormalizingFlow;
import io.surprisal.flow.train.FlowTrainer;
import io.surprisal.flow.train.HoldoutSplit;
import io.surprisal.flow.train.TrainingData;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.flow.train.TrainingResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a {@link DensityModel} to rows: holds out a calibration split, fits the preprocessing on the
 * rest, trains the flow, and scores the calibration rows for the conformal threshold.
 */
public final class ModelFitter {
  private static final Logger LOG = LoggerFactory.getLogger(ModelFitter.class);
  /** Below this many rows, there is no separate calibration split (the training rows are used). */
  static final int MIN_ROWS_FOR_CALIBRATION_SPLIT = 100;
  /** The fewest rows {@link #fit} accepts. */
  public static final int MIN_ROWS = 10;

  private final FitOptions options;

  public ModelFitter(FitOptions options) {
    this.options = options;
  }

  /**
   * Fits on {@code n} rows of {@code features.size()} values stored row-major in {@code rows}.
   *
   * @throws UnfittableDataException when the data cannot make a model: fewer than
   *     {@link #MIN_ROWS} rows, or every feature constant
   * @throws io.surprisal.flow.train.TrainingFailedException when no epoch gives a finite NLL
   * @throws IllegalArgumentException for no features, a wrong array length or a non-finite value
   */
  public DensityModel fit(List<String> features, double[] rows, int n, TrainingListener listener) {
    long start = System.nanoTime();
    int d = features.size();
    if (d == 0) {
      throw new IllegalArgumentException("no features to fit");
    }
    if (rows.length != (long) n * d) {
      throw new IllegalArgumentException("expected " + n + " x " + d + " values, got " + rows.length);
    }
    if (n < MIN_ROWS) {
      throw new UnfittableDataException("need at least " + MIN_ROWS + " rows to fit a model, got " + n);
    }
    for (int k = 0; k < rows.length; k++) {
      if (!Double.isFinite(rows[k])) {
        throw new IllegalArgumentException("row " + (k / d + 1) + ", feature '" + features.get(k % d) + "' is "
            + rows[k] + "; training data must be finite");
      }
    }
    SplittableRandom random = new SplittableRandom(options.training().seed() ^ 0x9E3779B97F4A7C15L);
    int target = n >= MIN_ROWS_FOR_CALIBRATION_SPLIT
        ? (int) Math.min(options.maxCalibrationRows(), Math.round(n * options.calibrationFraction())) : 0;
    HoldoutSplit split = HoldoutSplit.of(rows, n, d, target, random.nextLong());
    int[] cal = split.heldOut();
    int[] fitRows = split.kept();
    int nCal = cal.length;
    double[] train = gather(rows, d, fitRows);

    Preprocessing pre = new PreprocessingFit(options.logTransform(), options.dequantize(), options.whiten()).fit(train, fitRows.length, d);
    if (pre.activeDim() == 0) {
      throw new UnfittableDataException("every feature is constant in the training data " + features
          + "; nothing to learn");
    }
    Rows data = new Rows(train, fitRows.length, pre);
    TrainingResult result;
    List<NoiseCandidate> candidates;
    if (options.noise().select()) {
      NoiseSelection.Outcome outcome = new NoiseSelection(options.training(), options.noise().candidates())
          .choose(data, listener);
      result = outcome.result();
      candidates = outcome.candidates();
    } else {
      double sigma = options.noise().sigma(fitRows.length, pre.activeDim());
      if (options.noise().smoothing()) {
        LOG.info("training noise {} x each feature's spread ({} x Scott's rule for {} rows of {} features)",
            String.format("%.3f", sigma), options.noise().value(), fitRows.length, pre.activeDim());
      }
      result = new FlowTrainer(options.training().withNoise(sigma, options.noise().smoothing())).fit(data, listener);
      candidates = List.of();
    }
    NormalizingFlow flow = result.flow();

    double[] calRows = nCal > 0 ? gather(rows, d, cal) : train;
    int calN = nCal > 0 ? nCal : fitRows.length;
    if (nCal == 0) {
      LOG.warn("only {} rows: calibrating on the training rows, so p-values will be optimistic", n);
    }
    double[] calNll = nll(pre, flow, calRows, calN, d);
    double[] reference = medians(train, fitRows.length, d, pre);
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    TrainingInfo info = new TrainingInfo(n, result.trainingRows(), result.validationRows(), calN, result.epochs(),
        result.bestEpoch(), result.validationNll(), duration, options.training().seed(), Instant.now(),
        result.parameterCount(), result.stopReason().name(), candidates);
    return new DensityModel(features, pre, options.training().spec(), flow, new Calibration(calNll),
        options.alpha(), reference, info);
  }

  private static double[] nll(Preprocessing pre, NormalizingFlow flow, double[] rows, int n, int d) {
    double[] out = new double[n];
    double[] z = new double[pre.activeDim()];
    double[] tmp = new double[pre.scratchSize()];
    NormalizingFlow.Workspace ws = flow.newWorkspace();
    for (int i = 0; i < n; i++) {
      double ld = pre.forward(rows, i * d, z, 0, null, tmp);
      out[i] = -(ld + flow.logDensity(z, 0, ws));
    }
    return out;
  }

  /** Per-feature training medians, snapped to the lattice of discrete features. */
  private static double[] medians(double[] rows, int n, int d, Preprocessing pre) {
    double[] out = new double[d];
    double[] col = new double[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        col[i] = rows[i * d + j];
      }
      Arrays.sort(col);
      out[j] = col[n / 2];
    }
    return out;
  }

  private static double[] gather(double[] rows, int d, int[] index) {
    double[] out = new double[index.length * d];
    for (int i = 0; i < index.length; i++) {
      System.arraycopy(rows, index[i] * d, out, i * d, d);
    }
    return out;
  }

  /** Training rows seen through the preprocessing. */
  private static final class Rows implements TrainingData {
    private final double[] rows;
    private final int n;
    private final int d;
    private final Preprocessing pre;
    private final double[] tmp;
    private final double[] logDet;

    Rows(double[] rows, int n, Preprocessing pre) {
      this.rows = rows;
      this.n = n;
      this.d = pre.dim();
      this.pre = pre;
      this.tmp = new double[pre.scratchSize()];
      this.logDet = new double[n];
      double[] z = new double[pre.activeDim()];
      for (int i = 0; i < n; i++) {
        logDet[i] = pre.forward(rows, i * d, z, 0, null, tmp);
      }
    }

    @Override
    public int rows() {
      return n;
    }

    @Override
    public int dim() {
      return pre.activeDim();
    }

    @Override
    public void fill(int[] index, int from, int to, double[] out, RandomGenerator noise) {
      int a = pre.activeDim();
      for (int i = from; i < to; i++) {
        pre.forward(rows, index[i] * d, out, (i - from) * a, noise, tmp);
      }
    }

    @Override
    public double preprocessingLogDet(int row) {
      return logDet[row];
    }
  }
}
