package io.surprisal.bench;

import io.surprisal.model.Calibration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Alert thresholds on synthetic calibration scores, the NLLs of a perfect flow with a d-dimensional
 * standard normal base less the constant: Gamma(d/2, 1) for normal events. A share of the scores is
 * replaced by anomalies 4 to 8 nats above the normal {@code 1 - alpha} quantile. For each d, number
 * of scores and share, averaged over 200 calibration draws: the false-alarm rate over alpha (exact,
 * the Gamma survival at the threshold) and the recall of such anomalies, for the calibration tail
 * and for the rule before it, with and without the trainer's Q3 + 4 IQR fence.
 *
 * <pre>
 * java -cp target/benchmarks.jar io.surprisal.bench.SyntheticThresholds
 * </pre>
 */
public final class SyntheticThresholds {
  private static final int DRAWS = 200;

  private SyntheticThresholds() {}

  public static void main(String[] args) {
    System.out.println("| d | scores | anomalies | alpha | tail: FA / alpha | tail: recall"
        + " | fence + conformal: FA / alpha | recall | conformal: FA / alpha | recall |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int d : new int[] {2, 8, 32}) {
      for (int n : new int[] {90, 3000}) {
        for (double share : new double[] {0, 0.01, 0.03}) {
          for (double alpha : new double[] {0.01, 0.001}) {
            double[][] sums = new double[3][2];
            for (int draw = 0; draw < DRAWS; draw++) {
              SplittableRandom r = new SplittableRandom(draw);
              double[] scores = gamma(d, n, r);
              int anomalies = (int) Math.round(share * n);
              double low = quantile(d, alpha) + 4;
              for (int i = 0; i < anomalies; i++) {
                scores[i] = low + 4 * r.nextDouble();
              }
              double[] thresholds = {new Calibration(scores).threshold(alpha),
                  FormerThreshold.of(scores, alpha, true), FormerThreshold.of(scores, alpha, false)};
              for (int m = 0; m < 3; m++) {
                sums[m][0] += survival(d, thresholds[m]) / alpha / DRAWS;
                // anomalies are uniform on [low, low + 4]
                sums[m][1] += Math.min(1, Math.max(0, (low + 4 - thresholds[m]) / 4)) / DRAWS;
              }
            }
            System.out.printf(Locale.ROOT, "| %d | %d | %.0f %% | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                d, n, 100 * share, alpha, sums[0][0], sums[0][1], sums[1][0], sums[1][1], sums[2][0], sums[2][1]);
          }
        }
      }
    }
  }

  /** n draws of Gamma(d/2, 1), d even: sums of d/2 standard exponentials. */
  private static double[] gamma(int d, int n, SplittableRandom r) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d / 2; j++) {
        s[i] -= Math.log(1 - r.nextDouble());
      }
    }
    return s;
  }

  /** P(Gamma(d/2, 1) > x) for even d. */
  private static double survival(int d, double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double term = 1;
    double sum = 1;
    for (int j = 1; j < d / 2; j++) {
      term *= x / j;
      sum += term;
    }
    return Math.exp(-x) * sum;
  }

  private static double quantile(int d, double p) {
    double lo = 0;
    double hi = 1000;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (survival(d, mid) > p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
