package io.surprisal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

  @Test
  void of_sklearnDocExample() {
    // average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
    // thresholds 0.8: P=1 R=1/2; 0.4: P=1/2 R=1/2; 0.35: P=2/3 R=1 -> 1/2*1 + 0 + 1/2*2/3
    assertThat(AveragePrecision.of(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}))
        .isCloseTo(5.0 / 6.0, within(1e-15));
  }

  @Test
  void of_perfectRanking_isOne() {
    assertThat(AveragePrecision.of(new double[] {1, 2, 8, 9}, new int[] {0, 0, 1, 1}))
        .isEqualTo(1.0);
  }

  @Test
  void of_invertedRanking() {
    // order n, n, a, a: the anomalies enter at precision 1/3 and 2/4 -> 1/2*1/3 + 1/2*1/2
    assertThat(AveragePrecision.of(new double[] {8, 9, 1, 2}, new int[] {0, 0, 1, 1}))
        .isCloseTo(5.0 / 12.0, within(1e-15));
  }

  @Test
  void of_allTies_isTheFractionOfAnomalies() {
    assertThat(AveragePrecision.of(new double[] {3, 3, 3, 3, 3}, new int[] {1, 0, 0, 1, 0}))
        .isCloseTo(0.4, within(1e-15));
  }

  @Test
  void of_tiedScoresEnterTogether() {
    // scores 3(a), 2(a), 2(n), 1(n): 3 -> P=1 R=1/2; {2, 2} together -> P=2/3 R=1.
    // Taking the tie in either order would give 1.0 or 0.8333 only by luck of the order.
    assertThat(AveragePrecision.of(new double[] {1, 2, 2, 3}, new int[] {0, 1, 0, 1}))
        .isCloseTo(0.5 + 0.5 * 2.0 / 3.0, within(1e-15));
    assertThat(AveragePrecision.of(new double[] {3, 2, 2, 1}, new int[] {1, 0, 1, 0}))
        .isCloseTo(0.5 + 0.5 * 2.0 / 3.0, within(1e-15));
  }

  @Test
  void of_matchesTheDefinitionOnRandomScoresWithTies() {
    SplittableRandom random = new SplittableRandom(43);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + random.nextInt(60);
      double[] scores = new double[n];
      boolean[] anomalous = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(8);
        anomalous[i] = random.nextInt(4) == 0;
      }
      anomalous[0] = true;
      anomalous[1] = false;
      assertThat(AveragePrecision.of(scores, anomalous))
          .isCloseTo(byDefinition(scores, anomalous), within(1e-12));
    }
  }

  /** sum over distinct thresholds t (descending) of (R(t) - R(previous t)) * P(t). */
  private static double byDefinition(double[] scores, boolean[] anomalous) {
    double[] thresholds = Arrays.stream(scores).distinct().sorted().toArray();
    long positives = 0;
    for (boolean a : anomalous) {
      positives += a ? 1 : 0;
    }
    double ap = 0;
    double previousRecall = 0;
    for (int k = thresholds.length - 1; k >= 0; k--) {
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] >= thresholds[k]) {
          if (anomalous[i]) {
            tp++;
          } else {
            fp++;
          }
        }
      }
      double recall = (double) tp / positives;
      ap += (recall - previousRecall) * tp / (tp + fp);
      previousRecall = recall;
    }
    return ap;
  }

  @Test
  void of_oneClassOnly_isASingleClassException() {
    assertThatThrownBy(() -> AveragePrecision.of(new double[] {1, 2}, new int[] {1, 1}))
        .isInstanceOf(SingleClassException.class)
        .hasMessageStartingWith("Average precision (PR-AUC) is undefined: all 2 labels are anomalies");
  }
}
