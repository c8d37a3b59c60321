package io.surprisal.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.avro.PartitionOffsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventWindowTest {

  private static void fill(EventWindow w, int n) {
    for (int i = 0; i < n; i++) {
      w.add(new double[] {i, -i}, 1000 + i, i % 2, i / 2);
    }
  }

  @Test
  void sliding_moreEventsThanCapacity_keepsTheNewest() {
    EventWindow w = EventWindow.sliding(5, 2);
    fill(w, 12);

    WindowSnapshot s = w.snapshot();
    assertThat(w.size()).isEqualTo(5);
    assertThat(w.added()).isEqualTo(12);
    assertThat(Arrays.stream(s.rows()).filter(v -> v >= 0).sorted().toArray())
        .containsExactly(7, 8, 9, 10, 11);
  }

  @Test
  void sliding_snapshot_carriesTimestampsPartitionsAndOffsets() {
    EventWindow w = EventWindow.sliding(4, 2);
    fill(w, 6);

    WindowSnapshot s = w.snapshot();
    assertThat(Arrays.stream(s.timestamps()).sorted().toArray()).containsExactly(1002, 1003, 1004, 1005);
    assertThat(s.maxOffsets()).containsEntry(0, 2L).containsEntry(1, 2L);
    var tw = s.trainingWindow(new int[] {0, 1, 2, 3});
    assertThat(tw.getFromTimestamp().toEpochMilli()).isEqualTo(1002);
    assertThat(tw.getToTimestamp().toEpochMilli()).isEqualTo(1005);
    assertThat(tw.getOffsets()).containsExactly(new PartitionOffsets(0, 1L, 2L), new PartitionOffsets(1, 1L, 2L));
  }

  @Test
  void reservoir_manyEvents_staysAtCapacity() {
    EventWindow w = EventWindow.reservoir(100, 2, 7);
    fill(w, 10_000);

    assertThat(w.size()).isEqualTo(100);
    assertThat(w.snapshot().rows()).hasSize(200);
  }

  @Test
  void reservoir_sameSeed_sameSample_otherSeed_otherSample() {
    EventWindow a = EventWindow.reservoir(50, 2, 7);
    EventWindow b = EventWindow.reservoir(50, 2, 7);
    EventWindow c = EventWindow.reservoir(50, 2, 8);
    fill(a, 5000);
    fill(b, 5000);
    fill(c, 5000);

    assertThat(a.snapshot().rows()).isEqualTo(b.snapshot().rows());
    assertThat(a.snapshot().rows()).isNotEqualTo(c.snapshot().rows());
  }

  @Test
  void reservoir_sample_isSpreadOverTheWholeStream() {
    EventWindow w = EventWindow.reservoir(1000, 2, 1);
    fill(w, 100_000);

    double[] firstColumn = new double[1000];
    for (int i = 0; i < 1000; i++) {
      firstColumn[i] = w.snapshot().rows()[2 * i];
    }
    double mean = Arrays.stream(firstColumn).average().orElseThrow();
    // uniform over 0..99999: mean 50000, standard error about 913
    assertThat(mean).isBetween(46_000.0, 54_000.0);
    assertThat(Arrays.stream(firstColumn).filter(v -> v < 50_000).count()).isBetween(430L, 570L);
  }
}
