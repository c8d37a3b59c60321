package io.surprisal.model;

import io.surprisal.flow.train.FlowTrainer;
import io.surprisal.flow.train.TrainingConfig;
import io.surprisal.flow.train.TrainingData;
import io.surprisal.flow.train.TrainingListener;
import io.surprisal.flow.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the training noise of a data set by held-out likelihood, as a Gaussian mixture chooses its
 * number of components by BIC: the candidates are trained from the sharpest to the smoothest, each is
 * judged by the robust mean NLL of the validation rows as they are (no noise), and the walk stops at
 * the first candidate that predicts them no better than the one before (held-out NLL is usually
 * unimodal in the bandwidth, so the rest would be worse still). The winner is kept.
 *
 * <p>The criterion is a trimmed mean: the {@value #TRIM} share of validation rows with the highest
 * NLL is left out, so that anomalies among the training rows (every streaming window has some) do not
 * decide which density describes the normal rows best (a trimmed likelihood, Neykov et al. 2007).
 *
 * <p>Cost: each candidate trains with a share {@code 1/}{@value #SEARCH_SHARE} of the step budget;
 * the winner then continues from its parameters with the rest of the budget if it had not stopped
 * by itself. Small data sets converge within the share and need no continuation.
 */
public final class NoiseSelection {
  private static final Logger LOG = LoggerFactory.getLogger(NoiseSelection.class);
  /** Share of the highest held-out NLLs left out of the criterion. */
  public static final double TRIM = 0.05;
  /** Each candidate trains with this fraction (one over it) of the step budget. */
  static final int SEARCH_SHARE = 5;

  private final TrainingConfig training;
  private final List<TrainingNoise> candidates;

  /**
   * @param training   the training settings; their noise is replaced by each candidate's
   * @param candidates the noises to try, from the sharpest to the smoothest; none may be select
   */
  public NoiseSelection(TrainingConfig training, List<TrainingNoise> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no training noise to choose from");
    }
    for (TrainingNoise c : candidates) {
      if (c.select()) {
        throw new IllegalArgumentException("a candidate must be one noise, got " + c);
      }
    }
    this.training = training;
    this.candidates = List.copyOf(candidates);
  }

  /** The chosen run and every candidate's held-out NLL. */
  public record Outcome(TrainingResult result, TrainingNoise chosen, List<NoiseCandidate> candidates) {}

  /** Trains the candidates on {@code data} and returns the best; see the class comment. */
  public Outcome choose(TrainingData data, TrainingListener listener) {
    int n = data.rows();
    int d = data.dim();
    int budget = training.maxSteps();
    int searchSteps = budget > 0 ? Math.max(1, budget / SEARCH_SHARE) : 0;
    List<Trial> trials = new ArrayList<>();
    Trial best = null;
    for (TrainingNoise noise : candidates) {
      TrainingConfig config = configFor(noise, n, d).withMaxSteps(searchSteps);
      TrainingResult result = new FlowTrainer(config).fit(data, listener);
      Trial trial = new Trial(noise, config, result, trimmedMean(result.heldOutNll(), TRIM));
      trials.add(trial);
      LOG.info("training noise {}: held-out NLL {} (trimmed mean of {} rows)", noise,
          String.format("%.4f", trial.criterion), result.heldOutNll().length);
      if (best == null || trial.criterion < best.criterion) {
        best = trial;
      } else {
        break; // no better than the sharper one before it
      }
    }
    if (Double.isNaN(best.criterion)) {
      best = trials.getLast(); // no validation rows: nothing to judge by; the smoothest tried is the safer guess
    }
    TrainingResult result = best.result;
    if (budget > searchSteps && result.stopReason() == TrainingResult.StopReason.STEP_BUDGET) {
      result = new FlowTrainer(best.config.withMaxSteps(budget - searchSteps)).fit(data, listener, result.parameters());
    }
    List<NoiseCandidate> report = new ArrayList<>();
    for (Trial t : trials) {
      report.add(new NoiseCandidate(t.noise.toString(), t.config.noise(), t.criterion, t == best));
    }
    LOG.info("chose training noise {} of {} by held-out likelihood", best.noise, candidates);
    return new Outcome(result, best.noise, report);
  }

  /** The training settings with this noise for {@code n} rows of {@code d} features. */
  TrainingConfig configFor(TrainingNoise noise, int n, int d) {
    return training.withNoise(noise.sigma(n, d), noise.smoothing());
  }

  /** Mean of the lowest {@code 1 - trim} share of the values; NaN for none. */
  static double trimmedMean(double[] values, double trim) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int keep = Math.max(1, (int) Math.round(sorted.length * (1 - trim)));
    double sum = 0;
    for (int i = 0; i < keep; i++) {
      sum += sorted[i];
    }
    return sum / keep;
  }

  private record Trial(TrainingNoise noise, TrainingConfig config, TrainingResult result, double criterion) {}
}
