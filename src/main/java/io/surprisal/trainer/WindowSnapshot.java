package io.surprisal.trainer;

import io.surprisal.avro.PartitionOffsets;
import io.surprisal.avro.TrainingWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of an {@link EventWindow} at one moment, row-major, with each row's timestamp, partition
 * and offset. Owns its arrays.
 */
public record WindowSnapshot(int dim, double[] rows, long[] timestamps, int[] partitions, long[] offsets) {

  public WindowSnapshot {
    int n = timestamps.length;
    if (rows.length != n * dim || partitions.length != n || offsets.length != n) {
      throw new IllegalArgumentException("snapshot arrays disagree: " + rows.length + " values of dimension " + dim
          + ", " + n + " timestamps, " + partitions.length + " partitions, " + offsets.length + " offsets");
    }
  }

  /** Number of rows. */
  public int size() {
    return timestamps.length;
  }

  /** Per partition, the highest offset held. */
  public Map<Integer, Long> maxOffsets() {
    Map<Integer, Long> out = new TreeMap<>();
    for (int i = 0; i < size(); i++) {
      out.merge(partitions[i], offsets[i], Math::max);
    }
    return out;
  }

  /** The {@code training_window} of a model fitted on the rows {@code index} of this snapshot. */
  public TrainingWindow trainingWindow(int[] index) {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    Map<Integer, long[]> ranges = new TreeMap<>();
    for (int i : index) {
      from = Math.min(from, timestamps[i]);
      to = Math.max(to, timestamps[i]);
      long[] range = ranges.computeIfAbsent(partitions[i], p -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
      range[0] = Math.min(range[0], offsets[i]);
      range[1] = Math.max(range[1], offsets[i]);
    }
    List<PartitionOffsets> offsetList = new ArrayList<>();
    ranges.forEach((p, r) -> offsetList.add(new PartitionOffsets(p, r[0], r[1])));
    if (index.length == 0) {
      from = 0;
      to = 0;
    }
    return new TrainingWindow(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), offsetList);
  }
}
