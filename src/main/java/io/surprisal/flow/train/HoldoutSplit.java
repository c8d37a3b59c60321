package io.surprisal.flow.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Splits rows into held-out and kept rows so that identical rows always land on the same side.
 *
 * <p>Why: streams repeat events and bootstrap samples repeat rows. A held-out row with an exact copy
 * in the training rows is not held out at all: early stopping then rewards memorising, and a
 * calibration set of such rows makes p-values too small. Groups of identical rows are shuffled
 * (deterministically for a seed) and taken whole until the held-out share is reached.
 */
public final class HoldoutSplit {
  private final int[] heldOut;
  private final int[] kept;

  private HoldoutSplit(int[] heldOut, int[] kept) {
    this.heldOut = heldOut;
    this.kept = kept;
  }

  /** Row indices held out, in shuffled order. */
  public int[] heldOut() {
    return heldOut.clone();
  }

  /** Row indices kept, in shuffled order. */
  public int[] kept() {
    return kept.clone();
  }

  /**
   * Holds out about {@code target} of the {@code n} rows (of {@code d} values, row-major in
   * {@code rows}), never separating identical rows; never more than {@code target} rows.
   */
  public static HoldoutSplit of(double[] rows, int n, int d, int target, long seed) {
    Map<RowKey, List<Integer>> groups = new HashMap<>();
    List<List<Integer>> ordered = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> g = groups.computeIfAbsent(new RowKey(Arrays.copyOfRange(rows, i * d, (i + 1) * d)), k -> {
        List<Integer> list = new ArrayList<>();
        ordered.add(list);
        return list;
      });
      g.add(i);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = ordered.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      List<Integer> t = ordered.get(i);
      ordered.set(i, ordered.get(j));
      ordered.set(j, t);
    }
    int[] held = new int[Math.max(0, Math.min(target, n))];
    int[] rest = new int[n];
    int h = 0;
    int r = 0;
    for (List<Integer> g : ordered) {
      if (h + g.size() <= held.length) {
        for (int i : g) {
          held[h++] = i;
        }
      } else {
        for (int i : g) {
          rest[r++] = i;
        }
      }
    }
    return new HoldoutSplit(Arrays.copyOf(held, h), Arrays.copyOf(rest, r));
  }

  /** A row's values as a hash key (bitwise equality, so -0.0 and 0.0 differ; NaN equals NaN). */
  private record RowKey(double[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof RowKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
