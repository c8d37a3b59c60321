package io.surprisal.flow.train;

/**
 * Connectivity masks of a MADE network (Germain, Gregor, Murray and Larochelle, "MADE: Masked
 * Autoencoder for Distribution Estimation", 2015) with the natural input order.
 *
 * <p>Input i has degree i+1, hidden unit k of every layer degree {@code (k mod (d-1)) + 1}, and the
 * p outputs of coordinate i degree i+1. A unit connects to a hidden unit of degree >= its own, and a
 * hidden unit to an output of strictly larger degree, so outputs of coordinate i see only
 * coordinates before i. Masks are {@code in x out} row-major, the weight layout.
 */
final class MadeMasks {
  private MadeMasks() {}

  static double[][] build(int dim, int[] hidden, int paramsPerDim) {
    int layers = hidden.length + 1;
    int[][] degrees = new int[layers + 1][];
    degrees[0] = new int[dim];
    for (int i = 0; i < dim; i++) {
      degrees[0][i] = i + 1;
    }
    int cycle = Math.max(1, dim - 1);
    for (int l = 0; l < hidden.length; l++) {
      degrees[l + 1] = new int[hidden[l]];
      for (int k = 0; k < hidden[l]; k++) {
        degrees[l + 1][k] = k % cycle + 1;
      }
    }
    degrees[layers] = new int[dim * paramsPerDim];
    for (int u = 0; u < dim * paramsPerDim; u++) {
      degrees[layers][u] = u / paramsPerDim + 1;
    }
    double[][] masks = new double[layers][];
    for (int l = 0; l < layers; l++) {
      int[] in = degrees[l];
      int[] out = degrees[l + 1];
      boolean toOutput = l == layers - 1;
      masks[l] = new double[in.length * out.length];
      for (int a = 0; a < in.length; a++) {
        for (int b = 0; b < out.length; b++) {
          boolean connect = toOutput ? out[b] > in[a] : out[b] >= in[a];
          masks[l][a * out.length + b] = connect ? 1 : 0;
        }
      }
    }
    return masks;
  }
}
