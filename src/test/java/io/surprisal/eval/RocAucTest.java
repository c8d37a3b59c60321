package io.surprisal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocAucTest {

  @Test
  void of_sklearnDocExample() {
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75: of the 4 pairs, (0.35 vs 0.4) is
    // the only one ranked wrong.
    assertThat(RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}))
        .isEqualTo(0.75);
  }

  @Test
  void of_perfectRanking_isOne() {
    assertThat(RocAuc.of(new double[] {1, 2, 8, 9}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
  }

  @Test
  void of_invertedRanking_isZero() {
    assertThat(RocAuc.of(new double[] {8, 9, 1, 2}, new int[] {0, 0, 1, 1})).isEqualTo(0.0);
  }

  @Test
  void of_allTies_isOneHalf() {
    assertThat(RocAuc.of(new double[] {3, 3, 3, 3, 3}, new int[] {1, 0, 0, 1, 0}))
        .isEqualTo(0.5);
  }

  @Test
  void of_tiesCountOneHalf() {
    // anomalies {2, 3}, normals {1, 2}: 2>1 (1) + 2=2 (0.5) + 3>1 (1) + 3>2 (1) = 3.5 of 4 pairs
    assertThat(RocAuc.of(new double[] {1, 2, 2, 3}, new int[] {0, 1, 0, 1})).isEqualTo(0.875);
  }

  @Test
  void of_negativeAndPositiveZeroTie() {
    assertThat(RocAuc.of(new double[] {-0.0, 0.0}, new int[] {1, 0})).isEqualTo(0.5);
  }

  @Test
  void of_infiniteScores_areOrderedAndTied() {
    double inf = Double.POSITIVE_INFINITY;
    // anomalies {inf, inf}, normals {inf, 0}: ties 0.5 + 0.5, wins 1 + 1 = 3 of 4
    assertThat(RocAuc.of(new double[] {inf, inf, inf, 0}, new int[] {1, 1, 0, 0}))
        .isEqualTo(0.75);
  }

  @Test
  void of_matchesPairCountingOnRandomScoresWithTies() {
    SplittableRandom random = new SplittableRandom(42);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + random.nextInt(60);
      double[] scores = new double[n];
      boolean[] anomalous = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(6); // few distinct values: many ties
        anomalous[i] = random.nextInt(3) == 0;
      }
      anomalous[0] = true;
      anomalous[1] = false;
      assertThat(RocAuc.of(scores, anomalous)).isCloseTo(byPairs(scores, anomalous), within(1e-12));
    }
  }

  private static double byPairs(double[] scores, boolean[] anomalous) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (anomalous[i] && !anomalous[j]) {
          pairs++;
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  @Test
  void of_oneClassOnly_isASingleClassException() {
    assertThatThrownBy(() -> RocAuc.of(new double[] {1, 2, 3}, new int[] {0, 0, 0}))
        .isInstanceOf(SingleClassException.class)
        .hasMessage("ROC-AUC is undefined: all 3 labels are normal;"
            + " it needs at least one anomaly and one normal row");
    assertThatThrownBy(() -> RocAuc.of(new double[] {1, 2}, new boolean[] {true, true}))
        .isInstanceOf(SingleClassException.class)
        .hasMessageContaining("all 2 labels are anomalies");
  }

  @Test
  void of_badArguments_areRejected() {
    assertThatThrownBy(() -> RocAuc.of(new double[] {1, 2}, new int[] {0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("2 scores but 3 labels");
    assertThatThrownBy(() -> RocAuc.of(new double[] {1, Double.NaN}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("score 1 is NaN");
    assertThatThrownBy(() -> RocAuc.of(new double[] {1, 2}, new int[] {0, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 1 is 2; labels must be 0 (normal) or 1 (anomaly)");
  }
}
