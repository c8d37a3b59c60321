package io.surprisal.flow.train;

import io.surprisal.flow.kernel.Mlp;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The ND4J twin of {@link Mlp}: ReLU hidden layers and a linear output, with optional fixed binary
 * masks (MADE). Backward propagation is written out by hand:
 * {@code dW_l = H_{l-1}^T G_l}, {@code db_l = sum_rows G_l}, {@code G_{l-1} = (G_l W_l^T) * 1[H_{l-1} > 0]};
 * masked weights start at zero and get masked gradients, so Adam keeps them exactly zero.
 *
 * <p>The output layer starts with zero weights and the given bias, so a fresh flow is the identity.
 */
final class TrainableMlp {
  private final int[] sizes;
  private final ParameterStore.Slot[] weightSlots;
  private final ParameterStore.Slot[] biasSlots;
  private final INDArray[] masks;
  private final double[] outputBias;
  private ParameterStore store;
  private INDArray[] activations; // H_0 (input) .. H_{L-1}, cached by forward for backward
  private int rows;

  /**
   * @param sizes      {@code [in, hidden..., out]}; {@code in == 0} gives a constant (bias-only) net
   * @param masks      per-layer {@code in x out} 0/1 masks, or null for a dense net
   * @param outputBias initial output bias (the transform's identity parameters, tiled)
   */
  TrainableMlp(int[] sizes, double[][] masks, double[] outputBias, ParameterStore.Builder builder) {
    this.sizes = sizes[0] == 0 ? new int[] {0, sizes[sizes.length - 1]} : sizes.clone();
    int layers = this.sizes.length - 1;
    this.weightSlots = new ParameterStore.Slot[layers];
    this.biasSlots = new ParameterStore.Slot[layers];
    this.masks = new INDArray[layers];
    for (int l = 0; l < layers; l++) {
      if (this.sizes[l] > 0) {
        weightSlots[l] = builder.reserve(this.sizes[l], this.sizes[l + 1]);
      }
      biasSlots[l] = builder.reserve(1, this.sizes[l + 1]);
      if (masks != null && this.sizes[l] > 0) {
        this.masks[l] = Nd4j.create(masks[l], new long[] {this.sizes[l], this.sizes[l + 1]}, DataType.DOUBLE);
      }
    }
    this.outputBias = outputBias.clone();
  }

  int inputSize() {
    return sizes[0];
  }

  int outputSize() {
    return sizes[sizes.length - 1];
  }

  /** Binds to the allocated store and initialises: uniform(+-1/sqrt(fan_in)) hidden, zero output. */
  void initialise(ParameterStore store, RandomGenerator random) {
    this.store = store;
    int layers = sizes.length - 1;
    for (int l = 0; l < layers; l++) {
      if (weightSlots[l] != null) {
        INDArray w = store.param(weightSlots[l]);
        if (l < layers - 1) {
          double bound = 1 / Math.sqrt(sizes[l]);
          double[] v = new double[sizes[l] * sizes[l + 1]];
          for (int i = 0; i < v.length; i++) {
            v[i] = (2 * random.nextDouble() - 1) * bound;
          }
          w.assign(Arrays2D.matrix(v, sizes[l], sizes[l + 1]));
          if (masks[l] != null) {
            w.muli(masks[l]);
          }
        } else {
          w.assign(0);
        }
      }
      INDArray b = store.param(biasSlots[l]);
      if (l == layers - 1) {
        b.assign(Arrays2D.matrix(outputBias, 1, outputBias.length));
      } else {
        double bound = sizes[l] == 0 ? 0 : 1 / Math.sqrt(sizes[l]);
        double[] v = new double[sizes[l + 1]];
        for (int i = 0; i < v.length; i++) {
          v[i] = (2 * random.nextDouble() - 1) * bound;
        }
        b.assign(Arrays2D.matrix(v, 1, v.length));
      }
    }
  }

  /** Zeroes masked weights (after parameters were overwritten from outside). */
  void applyMasks() {
    for (int l = 0; l < masks.length; l++) {
      if (masks[l] != null) {
        store.param(weightSlots[l]).muli(masks[l]);
      }
    }
  }

  /** Evaluates the net on an {@code n x in} batch; returns the {@code n x out} output row-major. */
  double[] forward(double[] input, int n) {
    int layers = sizes.length - 1;
    activations = new INDArray[layers];
    rows = n;
    if (sizes[0] == 0) {
      INDArray b = store.param(biasSlots[0]);
      return Arrays2D.rowMajor(Nd4j.ones(DataType.DOUBLE, n, 1).mmul(b));
    }
    INDArray h = Arrays2D.matrix(input, n, sizes[0]);
    for (int l = 0; l < layers; l++) {
      activations[l] = h;
      INDArray z = h.mmul(store.param(weightSlots[l]));
      z.addiRowVector(store.param(biasSlots[l]));
      if (l < layers - 1) {
        Transforms.relu(z, false);
      }
      h = z;
    }
    return Arrays2D.rowMajor(h);
  }

  /**
   * Backpropagates {@code dL/dOutput} (n x out, row-major) through the batch of the last
   * {@link #forward}; writes parameter gradients into the store and returns {@code dL/dInput}.
   */
  double[] backward(double[] gradOutput) {
    int layers = sizes.length - 1;
    INDArray g = Arrays2D.matrix(gradOutput, rows, sizes[layers]);
    if (sizes[0] == 0) {
      store.grad(biasSlots[0]).assign(g.sum(true, 0));
      return new double[0];
    }
    for (int l = layers - 1; l >= 0; l--) {
      INDArray h = activations[l];
      INDArray gw = store.grad(weightSlots[l]);
      h.transpose().mmuli(g, gw);
      if (masks[l] != null) {
        gw.muli(masks[l]);
      }
      store.grad(biasSlots[l]).assign(g.sum(true, 0));
      g = g.mmul(store.param(weightSlots[l]).transpose());
      if (l > 0) {
        g.muli(Transforms.step(h));
      }
    }
    return Arrays2D.rowMajor(g);
  }

  /** Copies the current weights into an immutable kernel {@link Mlp}. */
  Mlp export() {
    int layers = sizes.length - 1;
    double[][] w = new double[layers][];
    double[][] b = new double[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = weightSlots[l] == null ? new double[0] : Arrays2D.rowMajor(store.param(weightSlots[l]));
      b[l] = Arrays2D.rowMajor(store.param(biasSlots[l]));
    }
    return new Mlp(sizes, w, b);
  }
}
