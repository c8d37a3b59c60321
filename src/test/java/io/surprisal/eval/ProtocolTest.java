package io.surprisal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProtocolTest {

  /** 101 rows; every 10th (0, 10, ..., 100) is an anomaly: 11 anomalies, 90 normal rows. */
  private static final boolean[] LABELS = labels(101, 10);

  private static boolean[] labels(int n, int every) {
    boolean[] anomalous = new boolean[n];
    for (int i = 0; i < n; i += every) {
      anomalous[i] = true;
    }
    return anomalous;
  }

  private static Set<Integer> set(int[] indices) {
    Set<Integer> out = new HashSet<>();
    for (int i : indices) {
      out.add(i);
    }
    return out;
  }

  @Test
  void semi_trainsOnHalfTheNormalRowsAndTestsOnTheRest() {
    Split split = Protocol.SEMI.split(LABELS, 0);
    assertThat(split.train()).hasSize(45);
    assertThat(split.test()).hasSize(45 + 11);
    assertThat(Arrays.stream(split.train()).filter(i -> LABELS[i])).isEmpty();
    Set<Integer> train = set(split.train());
    assertThat(train).hasSize(45).doesNotContainAnyElementsOf(set(split.test()));
    Set<Integer> all = new HashSet<>(train);
    all.addAll(set(split.test()));
    assertThat(all).hasSize(101);
    assertThat(split.test()).contains(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    assertThat(split.train()).isSorted();
    assertThat(split.test()).isSorted();
  }

  @Test
  void semi_oddNormalCount_roundsTrainDown() {
    Split split = Protocol.SEMI.split(new boolean[] {false, false, false, true}, 1);
    assertThat(split.train()).hasSize(1);
    assertThat(split.test()).hasSize(3).contains(3);
  }

  @Test
  void unsup_drawsNRowsWithReplacementAndTestsOnAll() {
    Split split = Protocol.UNSUP.split(LABELS, 0);
    assertThat(split.train()).hasSize(101);
    assertThat(Arrays.stream(split.train()).filter(i -> i < 0 || i > 100)).isEmpty();
    assertThat(split.test()).containsExactly(IntStream.range(0, 101).toArray());
    // with replacement: 101 draws from 101 rows repeat some row (P(no repeat) = 101!/101^101)
    assertThat(set(split.train())).hasSizeLessThan(101);
  }

  @Test
  void split_sameSeed_sameSplit() {
    for (Protocol protocol : Protocol.values()) {
      Split a = protocol.split(LABELS, 7);
      Split b = protocol.split(LABELS, 7);
      assertThat(a.train()).as(protocol.name()).containsExactly(b.train());
      assertThat(a.test()).as(protocol.name()).containsExactly(b.test());
    }
  }

  @Test
  void split_differentSeeds_differentTrainingRows() {
    for (Protocol protocol : Protocol.values()) {
      int[][] trains = IntStream.range(0, 3)
          .mapToObj(seed -> protocol.split(LABELS, seed).train()).toArray(int[][]::new);
      assertThat(Arrays.equals(trains[0], trains[1])).as(protocol.name()).isFalse();
      assertThat(Arrays.equals(trains[1], trains[2])).as(protocol.name()).isFalse();
    }
  }

  @Test
  void split_seedZero_givesThePinnedRows() {
    // Pins the random choice: if this changes, evaluate results published for a seed change too.
    boolean[] labels = new boolean[10];
    labels[3] = true;
    labels[7] = true;
    assertThat(Protocol.SEMI.split(labels, 0).train()).containsExactly(0, 1, 5, 8);
    assertThat(Protocol.UNSUP.split(labels, 0).train())
        .containsExactly(3, 4, 6, 6, 7, 7, 8, 8, 9, 9);
  }

  @Test
  void semi_fewerThanTwoNormalRows_isTooFewRows() {
    assertThatThrownBy(() -> Protocol.SEMI.split(new boolean[] {true, false, true}, 0))
        .isInstanceOf(TooFewRowsException.class)
        .hasMessageEndingWith("needs at least 2 normal rows; the data has 1");
  }

  @Test
  void unsup_noRows_isTooFewRows() {
    assertThatThrownBy(() -> Protocol.UNSUP.split(new boolean[0], 0))
        .isInstanceOf(TooFewRowsException.class);
  }
}
