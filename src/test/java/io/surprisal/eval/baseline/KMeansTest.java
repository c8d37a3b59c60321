package io.surprisal.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

  @Test
  void cluster_threeSeparatedBlobs_labelsEachBlobAlike() {
    SplittableRandom r = new SplittableRandom(12);
    double[][] centres = {{0, 0}, {20, 0}, {0, 20}};
    double[][] rows = new double[300][];
    for (int i = 0; i < rows.length; i++) {
      double[] c = centres[i % 3];
      rows[i] = new double[] {c[0] + r.nextGaussian(), c[1] + r.nextGaussian()};
    }
    int[] label = KMeans.cluster(rows, 3, new SplittableRandom(0));
    for (int i = 3; i < rows.length; i++) {
      assertThat(label[i]).as("row %d", i).isEqualTo(label[i % 3]);
    }
    assertThat(label[0]).isNotEqualTo(label[1]).isNotEqualTo(label[2]);
    assertThat(label[1]).isNotEqualTo(label[2]);
  }

  @Test
  void cluster_identicalRows_labelsThemAllWithTheFirstCentre() {
    double[][] rows = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
    assertThat(KMeans.cluster(rows, 2, new SplittableRandom(0))).hasSize(4).containsOnly(0);
  }
}
