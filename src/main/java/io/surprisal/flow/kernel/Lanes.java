package io.surprisal.flow.kernel;

/** Shared bookkeeping of the one-coordinate-per-lane kernels. */
final class Lanes {
  private Lanes() {}

  /** {@code count} rounded up to a multiple of the lane count. */
  static int padded(int count, int lanes) {
    return (count + lanes - 1) / lanes * lanes;
  }

  /**
   * Gather maps for parameters {@code stride} apart: with {@code c} coordinates left, lane n reads
   * offset {@code n stride} for {@code n < c} and lane 0's offset otherwise (a masked gather still
   * range-checks every lane, so lanes past the end must point inside the array).
   */
  static int[][] strideMaps(int stride, int lanes) {
    int[][] maps = new int[lanes + 1][lanes];
    for (int c = 1; c <= lanes; c++) {
      for (int n = 0; n < c; n++) {
        maps[c][n] = n * stride;
      }
    }
    return maps;
  }

  /** Sum of {@code s[from .. from + count)} in index order (a lane reduction's order is unspecified). */
  static double sum(double[] s, int from, int count) {
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += s[from + i];
    }
    return sum;
  }
}
