package io.surprisal.flow.train;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood training of a flow with Adam on minibatches, a held-out validation split with
 * early stopping (the best parameters are kept; the learning rate halves after half the patience
 * without improvement), optional time budget, and optional trimming of the
 * highest-NLL rows after warm-up for training on contaminated data. Deterministic for a seed.
 */
public final class FlowTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(FlowTrainer.class);
  private static final int EVAL_CHUNK = 2048;
  private static final int INIT_ROWS = 4096;
  private static final double MIN_IMPROVEMENT = 1e-4;
  static final int PATIENCE_STEPS = 400;
  /** Noise draws per validation row when the noise is a bandwidth (the validation NLL is their mean). */
  static final int VALIDATION_NOISE_DRAWS = 2;
  /**
   * Flow-space values beyond this many units from zero count as this far when a feature's spread is
   * measured for the kernel, so a few extreme rows do not widen it (the flow's input is standardised
   * robustly: most rows lie within a few units).
   */
  static final double SPREAD_CLIP = 5;

  private final TrainingConfig config;

  public FlowTrainer(TrainingConfig config) {
    this.config = config;
  }

  public TrainingConfig config() {
    return config;
  }

  public TrainingResult fit(TrainingData data, TrainingListener listener) {
    return fit(data, listener, null);
  }

  /**
   * Trains from {@code initial} parameters (a {@link TrainingResult#parameters()} of a run with the
   * same spec, data and seed) instead of a fresh initialisation, with a fresh optimiser state: a
   * warm start that continues a shorter run.
   *
   * @param initial the parameters to start from, or null for a fresh initialisation
   */
  public TrainingResult fit(TrainingData data, TrainingListener listener, double[] initial) {
    long start = System.nanoTime();
    int n = data.rows();
    int d = data.dim();
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 rows to train a flow, got " + n);
    }
    SplittableRandom random = new SplittableRandom(config.seed());
    int target = n >= 20 ? (int) Math.min(config.maxValidationRows(), Math.round(n * config.validationFraction())) : 0;
    double[] all = new double[n * d];
    data.fill(identity(n), 0, n, all, null);
    HoldoutSplit split = HoldoutSplit.of(all, n, d, target, random.split().nextLong());
    int[] val = split.heldOut();
    int[] uniqueVal = val;
    int[] train = split.kept();
    double[] noiseScale = noiseScale(all, n, d);
    boolean noisyValidation = config.smoothing() && config.noise() > 0;
    if (noisyValidation) {
      val = repeated(val, VALIDATION_NOISE_DRAWS);
    }
    int nVal = val.length;
    double[] valX = new double[nVal * d];
    // With the noise as a bandwidth, training fits the data's density smoothed by the noise kernel, and
    // early stopping must judge that same target: validation rows as training sees them, dequantised
    // and with the noise (a fixed draw). Judged on rows without noise, training stopped as soon as the
    // smoothing started to show (after an epoch or two on some data sets, when the noise is a
    // sizeable share of the data's spread).
    SplittableRandom validationNoise = noisyValidation ? new SplittableRandom(random.split().nextLong()) : null;
    data.fill(val, 0, nVal, valX, validationNoise);
    if (noisyValidation) {
      addNoise(valX, valX.length, noiseScale, validationNoise);
    }
    double[] valPre = new double[nVal];
    for (int i = 0; i < nVal; i++) {
      valPre[i] = data.preprocessingLogDet(val[i]);
    }

    SplittableRandom noise = random.split();
    SplittableRandom shuffle = random.split();
    TrainableFlow flow = TrainableFlow.create(config.spec(), d, random.nextLong());
    int initRows = Math.min(INIT_ROWS, train.length);
    double[] init = new double[initRows * d];
    data.fill(train, 0, initRows, init, noise);
    if (initial == null) {
      flow.initialiseFromData(init, initRows);
    } else {
      flow.restore(initial);
    }
    Adam adam = new Adam(flow.store(), 0.9, 0.999, 1e-8, config.clipNorm());
    LOG.info("training {} flow: {} layers, {} parameters, {} training rows, {} validation rows",
        describe(), config.spec().layers(), flow.parameterCount(), train.length, nVal);

    int[] active = train.clone();
    int batch = Math.min(config.batchSize(), train.length);
    int patience = effectivePatience(config.patience(), (train.length + batch - 1) / batch);
    double[] buf = new double[batch * d];
    double best = Double.POSITIVE_INFINITY;
    double[] bestParams = flow.snapshot();
    int bestEpoch = 0;
    int sinceBest = 0;
    int sinceDecay = 0;
    double learningRate = config.learningRate();
    int epoch = 0;
    int epochLimit = config.epochLimit(train.length);
    TrainingResult.StopReason reason = epochLimit < config.maxEpochs()
        ? TrainingResult.StopReason.STEP_BUDGET : TrainingResult.StopReason.MAX_EPOCHS;
    long deadline = config.timeBudget() == null ? Long.MAX_VALUE : start + config.timeBudget().toNanos();
    boolean outOfTime = false;

    while (epoch < epochLimit && !outOfTime) {
      epoch++;
      if (config.trimFraction() > 0 && epoch > config.trimWarmupEpochs()) {
        active = lowestNll(flow, data, train, 1 - config.trimFraction());
      }
      shuffled(active, shuffle);
      double lossSum = 0;
      int lossRows = 0;
      int steps = config.stepsPerEpoch(active.length); // a tiny last batch only adds noise: skipped
      for (int from = 0, step = 0; step < steps; step++, from += batch) {
        int to = Math.min(active.length, from + batch);
        int m = to - from;
        double[] x = m == batch ? buf : new double[m * d];
        data.fill(active, from, to, x, noise);
        addNoise(x, m * d, noiseScale, noise);
        double loss = flow.lossAndGradient(x, m);
        if (Double.isFinite(loss) && Double.isFinite(flow.step(adam, learningRate))) {
          lossSum += loss * m;
          lossRows += m;
        }
        if (System.nanoTime() > deadline) {
          outOfTime = true;
          break;
        }
      }
      double trainLoss = lossRows == 0 ? Double.NaN : lossSum / lossRows;
      double score = nVal > 0 ? validationNll(flow, valX, valPre, nVal, d, config.trimFraction()) : trainLoss;
      if (score < best - MIN_IMPROVEMENT) {
        best = score;
        bestParams = flow.snapshot();
        bestEpoch = epoch;
        sinceBest = 0;
        sinceDecay = 0;
      } else {
        sinceBest++;
        sinceDecay++;
        // reduce on plateau: half the step after half the patience without improvement
        if (sinceDecay >= Math.max(1, patience / 2) && learningRate > config.learningRate() / 64) {
          learningRate /= 2;
          sinceDecay = 0;
        }
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      listener.epochFinished(new EpochReport(epoch, epochLimit, trainLoss,
          nVal > 0 ? score : Double.NaN, best, active.length, elapsed));
      LOG.debug("epoch {}: train loss {}, validation NLL {}, best {} ({} ms)", epoch, trainLoss, score, best,
          elapsed.toMillis());
      if (sinceBest >= patience) {
        reason = TrainingResult.StopReason.CONVERGED;
        break;
      }
      if (outOfTime) {
        reason = TrainingResult.StopReason.TIME_BUDGET;
      }
    }
    if (bestEpoch == 0) {
      throw new TrainingFailedException("training diverged: no epoch produced a finite "
          + (nVal > 0 ? "validation" : "training") + " NLL (try a smaller learning rate or more data)");
    }
    flow.restore(bestParams);
    double[] heldOut = noiseFreeNll(flow, data, uniqueVal);
    flow.releaseScratch();
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("trained in {} ms: {} epochs, best epoch {}, validation NLL {} ({})", duration.toMillis(), epoch,
        bestEpoch, nVal > 0 ? String.format("%.4f", best) : "n/a", reason);
    return new TrainingResult(flow.export(), epoch, bestEpoch, nVal > 0 ? best : Double.NaN, duration, reason,
        train.length, nVal, flow.parameterCount(), bestParams, heldOut);
  }

  /**
   * The noise's standard deviation per feature, or null without noise. As a regulariser it is the
   * same for every feature. As a kernel bandwidth it is the bandwidth times the feature's spread
   * (standard deviation of its values clipped to {@link #SPREAD_CLIP}), Scott's rule per dimension:
   * a feature whose values lie close together, a point mass or a narrow peak, is blurred no more than
   * its own spread, and a wide one is smoothed in proportion.
   */
  private double[] noiseScale(double[] rows, int n, int d) {
    if (!(config.noise() > 0)) {
      return null;
    }
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      scale[j] = config.smoothing() ? config.noise() * clippedSpread(rows, n, d, j) : config.noise();
    }
    if (config.smoothing()) {
      LOG.info("kernel widths per feature: {}", Arrays.stream(scale).mapToObj(v -> String.format("%.3f", v)).toList());
    }
    return scale;
  }

  /** Standard deviation of column {@code j}'s values clipped to [-SPREAD_CLIP, SPREAD_CLIP]; 1 if they are all equal. */
  static double clippedSpread(double[] rows, int n, int d, int j) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += Math.clamp(rows[i * d + j], -SPREAD_CLIP, SPREAD_CLIP);
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double v = Math.clamp(rows[i * d + j], -SPREAD_CLIP, SPREAD_CLIP) - mean;
      ss += v * v;
    }
    double sd = Math.sqrt(ss / Math.max(1, n - 1));
    return sd > 0 ? sd : 1;
  }

  /** Adds Gaussian noise of standard deviation {@code scale[j]} to each feature j of rows laid out row-major. */
  private static void addNoise(double[] x, int count, double[] scale, SplittableRandom random) {
    if (scale != null) {
      int d = scale.length;
      for (int k = 0; k < count; k++) {
        x[k] += scale[k % d] * random.nextGaussian();
      }
    }
  }

  /** Each row {@code times} times, for several noise draws per validation row. */
  private static int[] repeated(int[] rows, int times) {
    int[] out = new int[rows.length * times];
    for (int t = 0; t < times; t++) {
      System.arraycopy(rows, 0, out, t * rows.length, rows.length);
    }
    return out;
  }

  private String describe() {
    return config.spec().conditioner().name().toLowerCase() + "/" + config.spec().transform().name().toLowerCase();
  }

  /**
   * Patience in epochs, capped so that waiting for an improvement never costs more than about
   * {@value #PATIENCE_STEPS} optimiser steps (but at least 3 epochs): on large data one epoch holds
   * many steps, and ten idle epochs were a third of a fit's time without changing the model kept.
   */
  static int effectivePatience(int patience, int stepsPerEpoch) {
    int cap = Math.max(3, (PATIENCE_STEPS + stepsPerEpoch - 1) / stepsPerEpoch);
    return Math.min(patience, cap);
  }

  /**
   * Mean data-space NLL of the validation rows; with trimming, of the {@code 1 - trim} share with the
   * lowest NLL. The validation rows are as contaminated as the training rows, so an untrimmed mean
   * rewards fitting the outliers that trimming drops and early stopping would keep a warm-up model.
   */
  private static double validationNll(TrainableFlow flow, double[] x, double[] pre, int n, int d, double trim) {
    double[] nll = new double[n];
    for (int from = 0; from < n; from += EVAL_CHUNK) {
      int m = Math.min(EVAL_CHUNK, n - from);
      double[] chunk = Arrays.copyOfRange(x, from * d, (from + m) * d);
      double[] lp = flow.logDensity(chunk, m);
      for (int i = 0; i < m; i++) {
        nll[from + i] = -(lp[i] + pre[from + i]);
      }
    }
    int keep = n;
    if (trim > 0) {
      Arrays.sort(nll);
      keep = Math.max(1, (int) Math.round(n * (1 - trim)));
    }
    double sum = 0;
    for (int i = 0; i < keep; i++) {
      sum += nll[i];
    }
    return sum / keep;
  }

  /**
   * Data-space NLL of each row as it is, without training noise (dequantised features at their cell's
   * centre); +infinity where the flow gives no finite density. Of the validation rows: how well the
   * flow generalises, whatever noise it was trained with.
   */
  private static double[] noiseFreeNll(TrainableFlow flow, TrainingData data, int[] rows) {
    int n = rows.length;
    int d = data.dim();
    double[] nll = new double[n];
    for (int from = 0; from < n; from += EVAL_CHUNK) {
      int m = Math.min(EVAL_CHUNK, n - from);
      double[] x = new double[m * d];
      data.fill(rows, from, from + m, x, null);
      double[] lp = flow.logDensity(x, m);
      for (int i = 0; i < m; i++) {
        nll[from + i] = Double.isFinite(lp[i]) ? -lp[i] - data.preprocessingLogDet(rows[from + i])
            : Double.POSITIVE_INFINITY;
      }
    }
    return nll;
  }

  /** The share {@code keep} of rows with the lowest NLL under the current flow (noise-free). */
  private static int[] lowestNll(TrainableFlow flow, TrainingData data, int[] rows, double keep) {
    int n = rows.length;
    double[] nll = noiseFreeNll(flow, data, rows);
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(nll[a], nll[b]));
    int k = Math.max(1, (int) Math.round(n * keep));
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = rows[idx[i]];
    }
    return out;
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static int[] shuffled(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
