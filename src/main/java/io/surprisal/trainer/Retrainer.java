package io.surprisal.trainer;

import io.surprisal.flow.train.TrainingListener;
import io.surprisal.model.Calibration;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FitOptions;
import io.surprisal.model.ModelFitter;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retraining, without Kafka: from a window snapshot and the current model (if any) to a model to
 * publish or a refusal.
 *
 * <ol>
 *   <li>Leave out the events the current model flags, so anomalies are not learnt as normal (unless
 *       told not to: the calibration's tail ignores the anomalies among its scores anyway, and this
 *       step raises later models' false-positive rate, see {@link #calibrateAlsoOnFlagged}).
 *   <li>Hold out a share of the rest (seeded) that the fit never sees.
 *   <li>Fit with the configured {@link FitOptions} (trimmed training, its own calibration split);
 *       add the same share of the left-out events to the calibration set, so that it stays a sample
 *       of the whole window. The window's anomalies in it do not raise the alert threshold: the
 *       {@link io.surprisal.model.ScoreTail} of the calibration censors its top scores and leaves
 *       out the far ones; this is what protects the first model, which has no model to filter with.
 *   <li>Score the held-out rows under the new and the current model, on the same rows (those the
 *       new model's calibration does not make outliers, by Chauvenet's criterion), and refuse when
 *       {@code new - current > maxNllRegression}.
 * </ol>
 */
public final class Retrainer {
  private static final Logger LOG = LoggerFactory.getLogger(Retrainer.class);

  private final FitOptions options;
  private final double holdoutFraction;
  private final double maxNllRegression;
  private final boolean excludeFlagged;

  /**
   * @param options          how to fit; its seed also draws the holdout
   * @param holdoutFraction  share of the kept window rows held out for the comparison, in (0, 0.5]
   * @param maxNllRegression how many nats worse than the current model a new one may be, >= 0
   * @param excludeFlagged   leave the events the current model flags out of the fit (step 1)
   */
  public Retrainer(FitOptions options, double holdoutFraction, double maxNllRegression, boolean excludeFlagged) {
    if (!(holdoutFraction > 0 && holdoutFraction <= 0.5)) {
      throw new IllegalArgumentException("holdout fraction must be in (0, 0.5], got " + holdoutFraction);
    }
    if (!(maxNllRegression >= 0)) {
      throw new IllegalArgumentException("max NLL regression must be >= 0, got " + maxNllRegression);
    }
    this.options = options;
    this.holdoutFraction = holdoutFraction;
    this.maxNllRegression = maxNllRegression;
    this.excludeFlagged = excludeFlagged;
  }

  /**
   * Fits a candidate on the window.
   *
   * @param features names of the window's columns
   * @param current  the model in force, or null; ignored unless it has the same features
   * @throws NotEnoughEventsException if too few events are left to fit and hold out
   */
  public RetrainOutcome retrain(List<String> features, WindowSnapshot window, DensityModel current,
      TrainingListener listener) {
    int d = window.dim();
    boolean comparable = current != null && current.features().equals(features);
    if (current != null && !comparable) {
      LOG.warn("the current model's features {} differ from the configured {}: not filtering with it or comparing",
          current.features(), features);
    }
    int[] kept = keptRows(window, comparable && excludeFlagged ? current : null);
    int[] flagged = complement(kept, window.size());
    int excluded = window.size() - kept.length;
    int nHoldout = (int) Math.round(kept.length * holdoutFraction);
    if (kept.length - nHoldout < 10 || nHoldout < 1) {
      throw new NotEnoughEventsException(kept.length, excluded);
    }
    shuffle(kept, new SplittableRandom(options.training().seed() ^ 0x5DEECE66DL));
    int[] holdout = Arrays.copyOfRange(kept, 0, nHoldout);
    int[] fit = Arrays.copyOfRange(kept, nHoldout, kept.length);
    Arrays.sort(fit);
    double[] fitRows = gather(window.rows(), d, fit);
    double[] holdoutRows = gather(window.rows(), d, holdout);

    LOG.info("retraining on {} events ({} left out as flagged by the current model, {} held out)",
        fit.length, excluded, holdout.length);
    DensityModel fitted = new ModelFitter(options).fit(features, fitRows, fit.length, listener);
    DensityModel model = calibrateAlsoOnFlagged(fitted, window, flagged, fit.length);
    LOG.info("calibration: {} scores, {} of them outliers; alert threshold at alpha {}: NLL {}",
        model.calibration().size(), model.calibration().outliers(), model.alpha(),
        String.format(java.util.Locale.ROOT, "%.4f", model.calibration().threshold(model.alpha())));

    double[] newNll = nll(model, holdoutRows, d);
    // Chauvenet's criterion on the holdout: rows with fewer than half a normal row expected that far out
    double limit = Math.nextDown(model.calibration().threshold(0.5 / newNll.length));
    double validationNll = mean(newNll, newNll, limit);
    Double previousNll = comparable ? mean(nll(current, holdoutRows, d), newNll, limit) : null;
    var candidate = new RetrainOutcome.Candidate(model, fit.length, excluded, validationNll, previousNll,
        window.trainingWindow(kept));
    if (previousNll != null && validationNll - previousNll > maxNllRegression) {
      return new RetrainOutcome.Refused(candidate, String.format(java.util.Locale.ROOT,
          "its held-out NLL %.4f is %.4f nats worse than the current model's %.4f on the same %d events;"
              + " the allowed regression is %.4f (publish.max.nll.regression)",
          validationNll, validationNll - previousNll, previousNll, holdout.length, maxNllRegression));
    }
    return new RetrainOutcome.Accepted(candidate);
  }

  /**
   * Adds to the fitted model's calibration set the new model's NLL on a random share of the flagged
   * rows, the same share of them as the fitter's calibration split took of the fitted rows, so that
   * the calibration set is again a random sample of the whole window (less the holdout) and its
   * tail, not the previous model, decides which of its scores are outliers.
   *
   * <p>Why: the rows the current model flags are its anomalies and its false alarms, the top
   * {@code alpha} of normal events by its NLL. Leaving them out of training is right, but leaving them
   * out of the calibration set cuts off its upper tail, so the new threshold sits lower and the new
   * model alerts more often on normal events than alpha; the next generation cuts again.
   */
  DensityModel calibrateAlsoOnFlagged(DensityModel fitted, WindowSnapshot window, int[] flagged,
      int fitRows) {
    int take = (int) Math.round(flagged.length * fitted.calibration().size() / (double) fitRows);
    if (take == 0) {
      return fitted;
    }
    int[] drawn = flagged.clone();
    shuffle(drawn, new SplittableRandom(options.training().seed() ^ 0x2545F4914F6CDD1DL));
    double[] old = fitted.calibration().scores();
    double[] scores = Arrays.copyOf(old, old.length + take);
    double[] nll = nll(fitted, gather(window.rows(), window.dim(), Arrays.copyOf(drawn, take)), window.dim());
    System.arraycopy(nll, 0, scores, old.length, take);
    return new DensityModel(fitted.features(), fitted.preprocessing(), fitted.spec(), fitted.flow(),
        new Calibration(scores), fitted.alpha(), fitted.reference(), fitted.training());
  }

  /** The indices below {@code n} that are not in {@code sortedIndices} (ascending). */
  private static int[] complement(int[] sortedIndices, int n) {
    int[] out = new int[n - sortedIndices.length];
    int next = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (next < sortedIndices.length && sortedIndices[next] == i) {
        next++;
      } else {
        out[k++] = i;
      }
    }
    return out;
  }

  private static int[] keptRows(WindowSnapshot window, DensityModel current) {
    if (current == null) {
      int[] all = new int[window.size()];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int d = window.dim();
    double[] x = new double[d];
    int[] kept = new int[window.size()];
    int n = 0;
    for (int i = 0; i < window.size(); i++) {
      System.arraycopy(window.rows(), i * d, x, 0, d);
      if (!current.score(x).alert()) {
        kept[n++] = i;
      }
    }
    return Arrays.copyOf(kept, n);
  }

  /** Mean of {@code values} over the rows whose {@code selector} is within {@code limit}. */
  private static double mean(double[] values, double[] selector, double limit) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (selector[i] <= limit) {
        sum += values[i];
        n++;
      }
    }
    return sum / n;
  }

  private static double[] nll(DensityModel model, double[] rows, int d) {
    double[] out = new double[rows.length / d];
    double[] x = new double[d];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(rows, i * d, x, 0, d);
      out[i] = -model.logDensity(x);
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

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
