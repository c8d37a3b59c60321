package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LocalOutlierFactorTest {

  /** The points of a 15 x 15 unit grid. */
  private static double[][] grid() {
    double[][] rows = new double[225][];
    for (int i = 0; i < 225; i++) {
      rows[i] = new double[] {i / 15, i % 15};
    }
    return rows;
  }

  @Test
  void score_gridInterior_isOne() {
    // Deep inside, the 20 nearest grid points are exactly those within sqrt 5 (4 at 1, 4 at sqrt 2,
    // 4 at 2, 8 at sqrt 5): every k-distance is sqrt 5, so is every reachability distance, and all
    // densities are equal.
    FittedBaseline lof = new LocalOutlierFactor().fit(grid(), 0);
    assertThat(lof.score(new double[] {7, 7})).isCloseTo(1.0, within(1e-9));
    assertThat(lof.score(new double[] {6, 8})).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void score_isolatedPoint_isWellAboveOne() {
    FittedBaseline lof = new LocalOutlierFactor().fit(grid(), 0);
    assertThat(lof.score(new double[] {40, 40})).isGreaterThan(5);
    assertThat(lof.score(new double[] {40, 40})).isGreaterThan(lof.score(new double[] {16, 16}));
  }

  @Test
  void score_smallK_matchesTheDefinitionByHand() {
    // 1-D training rows 0, 1, 2, 10 with k = 1. Query 6: nearest training row 2 (at 4, ahead of 10
    // at 4 by its lower index), whose k-distance is 1 (to 1): reach = max(1, 4) = 4, lrd(6) = 1/4.
    // lrd(2) = 1 / reach(2, 1) = 1 / max(k-dist(1) = 1, 1) = 1. LOF(6) = lrd(2) / lrd(6) = 4.
    FittedBaseline lof = new LocalOutlierFactor(1).fit(new double[][] {{0}, {1}, {2}, {10}}, 0);
    assertThat(lof.score(new double[] {6})).isCloseTo(4.0, within(1e-8));
  }
}
