package io.surprisal.flow.kernel;

import java.util.Arrays;

/**
 * A multilayer perceptron on one row: dense layers with ReLU between them and a linear output.
 *
 * <p>Used as the conditioner of coupling and autoregressive layers. A MADE network is an Mlp whose
 * weights were trained under masks and exported with the masked entries set to zero, so the kernel
 * needs no mask. Immutable; scratch comes from the caller.
 */
public final class Mlp {
  private final int[] sizes;
  private final double[][] weights;
  private final double[][] biases;
  private final int maxHidden;
  private final int maxInput;
  private final DenseKernel kernel;

  /**
   * @param sizes   layer widths {@code [in, h_1, ..., h_k, out]}; {@code in} may be 0 (a constant net)
   * @param weights {@code weights[l]} is {@code sizes[l] x sizes[l+1]}, row-major
   * @param biases  {@code biases[l]} has {@code sizes[l+1]} entries
   */
  public Mlp(int[] sizes, double[][] weights, double[][] biases) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("an MLP needs at least input and output sizes, got " + Arrays.toString(sizes));
    }
    if (weights.length != sizes.length - 1 || biases.length != sizes.length - 1) {
      throw new IllegalArgumentException("expected " + (sizes.length - 1) + " weight and bias arrays, got "
          + weights.length + " and " + biases.length);
    }
    int hidden = 0;
    for (int l = 0; l < sizes.length - 1; l++) {
      if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1]) {
        throw new IllegalArgumentException("layer " + l + ": expected " + sizes[l] + "x" + sizes[l + 1]
            + " weights and " + sizes[l + 1] + " biases, got " + weights[l].length + " and " + biases[l].length);
      }
      if (l > 0) {
        hidden = Math.max(hidden, sizes[l]);
      }
    }
    this.sizes = sizes.clone();
    this.weights = deepCopy(weights);
    this.biases = deepCopy(biases);
    this.maxHidden = hidden;
    int input = 0;
    for (int l = 0; l < sizes.length - 1; l++) {
      input = Math.max(input, sizes[l]);
    }
    this.maxInput = input;
    this.kernel = DenseKernel.best();
  }

  public int inputSize() {
    return sizes[0];
  }

  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  /** Layer widths {@code [in, hidden..., out]} (a copy). */
  public int[] sizes() {
    return sizes.clone();
  }

  /** Weights of layer l (a copy). */
  public double[] weights(int l) {
    return weights[l].clone();
  }

  /** Biases of layer l (a copy). */
  public double[] biases(int l) {
    return biases[l].clone();
  }

  /** Scratch doubles needed by {@link #apply}. */
  public int workSize() {
    return 2 * maxHidden + 2 * maxInput;
  }

  /** Evaluates the network on {@code x[xOff .. xOff+in)} into {@code out[outOff .. outOff+outSize)}. */
  public void apply(double[] x, int xOff, double[] out, int outOff, double[] work, int workOff) {
    int layers = weights.length;
    int scratch = workOff + 2 * maxHidden;
    if (layers == 1) {
      kernel.apply(x, xOff, sizes[0], weights[0], biases[0], sizes[1], out, outOff, false, work, scratch);
      return;
    }
    int cur = workOff;
    int next = workOff + maxHidden;
    kernel.apply(x, xOff, sizes[0], weights[0], biases[0], sizes[1], work, cur, true, work, scratch);
    for (int l = 1; l < layers - 1; l++) {
      kernel.apply(work, cur, sizes[l], weights[l], biases[l], sizes[l + 1], work, next, true, work, scratch);
      int t = cur;
      cur = next;
      next = t;
    }
    kernel.apply(work, cur, sizes[layers - 1], weights[layers - 1], biases[layers - 1], sizes[layers], out,
        outOff, false, work, scratch);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
