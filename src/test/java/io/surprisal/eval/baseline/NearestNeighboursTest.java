package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

  @Test
  void query_matchesAFullSort() {
    SplittableRandom r = new SplittableRandom(2);
    int d = 13; // one block of 8 and a tail of 5
    double[][] rows = new double[300][d];
    for (double[] row : rows) {
      Arrays.setAll(row, c -> r.nextGaussian());
    }
    NearestNeighbours index = new NearestNeighbours(rows);
    for (int q = 0; q < 20; q++) {
      double[] query = rows[q];
      int exclude = q % 2 == 0 ? q : -1;
      double[] all = IntStream.range(0, rows.length).filter(j -> j != exclude)
          .mapToDouble(j -> distance(query, rows[j])).sorted().toArray();
      NearestNeighbours.Neighbours near = index.query(query, 7, exclude);
      assertThat(near.distance()).containsExactly(Arrays.copyOf(all, 7), within(1e-9));
      for (int i = 0; i < 7; i++) {
        assertThat(distance(query, rows[near.index()[i]])).isCloseTo(near.distance()[i], within(1e-9));
      }
    }
  }

  @Test
  void query_ties_goToTheLowerIndex() {
    NearestNeighbours index = new NearestNeighbours(new double[][] {{3}, {1}, {-1}, {1}});
    assertThat(index.query(new double[] {0}, 3, -1).index()).containsExactly(1, 2, 3);
  }

  @Test
  void query_kAboveTheRows_throwsNamingTheLimit() {
    NearestNeighbours index = new NearestNeighbours(new double[][] {{0}, {1}});
    assertThatThrownBy(() -> index.query(new double[] {0}, 2, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be between 1 and 1, got 2");
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int c = 0; c < a.length; c++) {
      s += (a[c] - b[c]) * (a[c] - b[c]);
    }
    return Math.sqrt(s);
  }

}
