package io.surprisal.flow.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

  /** 300 rows drawn with replacement from 100 distinct ones, like a bootstrap sample. */
  private static double[] bootstrapRows(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[300 * 2];
    for (int i = 0; i < 300; i++) {
      int k = r.nextInt(100);
      out[2 * i] = k;
      out[2 * i + 1] = k * 0.5;
    }
    return out;
  }

  @Test
  void identicalRows_neverStraddleTheSplit() {
    double[] rows = bootstrapRows(1);
    HoldoutSplit split = HoldoutSplit.of(rows, 300, 2, 60, 7);
    Set<Double> heldValues = new HashSet<>();
    for (int i : split.heldOut()) {
      heldValues.add(rows[2 * i]);
    }
    for (int i : split.kept()) {
      assertThat(heldValues).doesNotContain(rows[2 * i]);
    }
    assertThat(split.heldOut().length).isBetween(50, 60);
    assertThat(split.heldOut().length + split.kept().length).isEqualTo(300);
  }

  @Test
  void everyRowLandsOnExactlyOneSide_andTheSplitIsDeterministicPerSeed() {
    double[] rows = bootstrapRows(2);
    HoldoutSplit a = HoldoutSplit.of(rows, 300, 2, 40, 3);
    HoldoutSplit b = HoldoutSplit.of(rows, 300, 2, 40, 3);
    HoldoutSplit c = HoldoutSplit.of(rows, 300, 2, 40, 4);
    int[] all = java.util.stream.IntStream.concat(Arrays.stream(a.heldOut()), Arrays.stream(a.kept())).sorted().toArray();
    assertThat(all).containsExactly(java.util.stream.IntStream.range(0, 300).toArray());
    assertThat(a.heldOut()).containsExactly(b.heldOut());
    assertThat(a.heldOut()).isNotEqualTo(c.heldOut());
  }

  @Test
  void distinctRows_areHeldOutExactlyToTheTarget() {
    double[] rows = new double[500];
    for (int i = 0; i < 500; i++) {
      rows[i] = i;
    }
    assertThat(HoldoutSplit.of(rows, 500, 1, 50, 1).heldOut()).hasSize(50);
    assertThat(HoldoutSplit.of(rows, 500, 1, 0, 1).heldOut()).isEmpty();
  }
}
