package io.surprisal.flow.train;

import io.surprisal.flow.Bijection;
import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import io.surprisal.flow.StandardNormal;
import io.surprisal.flow.layer.ElementwiseTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A flow under training: the trainable twins of the kernel layers over one flat parameter vector.
 * The loss is the mean negative log-likelihood in flow space, {@code -mean(log N(z) + sum log|det|)},
 * so {@code dL/dz = z / n} and {@code dL/dlog|det| = -1/n} for every row of every layer.
 */
public final class TrainableFlow {
  private final int dim;
  private final List<TrainableLayer> layers;
  private final ParameterStore store;

  private TrainableFlow(int dim, List<TrainableLayer> layers, ParameterStore store) {
    this.dim = dim;
    this.layers = layers;
    this.store = store;
  }

  /**
   * Builds a freshly initialised flow: {@code spec.layers()} steps of
   * ActNorm, permutation (random on even steps, reversal on odd ones, so both halves of a coupling
   * get transformed), and a coupling or autoregressive layer.
   */
  public static TrainableFlow create(FlowSpec spec, int dim, long seed) {
    if (dim < 1) {
      throw new IllegalArgumentException("flow dimension must be >= 1, got " + dim);
    }
    Nd4jRuntime.configure();
    SplittableRandom random = new SplittableRandom(seed);
    ParameterStore.Builder builder = new ParameterStore.Builder();
    ElementwiseTransform transform = spec.elementwise();
    List<TrainableLayer> layers = new ArrayList<>();
    int split = dim / 2;
    for (int l = 0; l < spec.layers(); l++) {
      layers.add(new TrainableActNorm(dim, builder));
      layers.add(new TrainablePermutation(l % 2 == 0 ? shuffled(dim, random) : reversed(dim)));
      // In one dimension both conditioners reduce to an unconditional transform: a bias-only coupling.
      boolean autoregressive = spec.conditioner() == FlowSpec.Conditioner.AUTOREGRESSIVE && dim > 1;
      layers.add(autoregressive
          ? new TrainableAutoregressive(dim, spec.hiddenSizes(), transform, builder)
          : new TrainableCoupling(dim, split, spec.hiddenSizes(), transform, builder));
    }
    ParameterStore store = builder.build();
    for (TrainableLayer layer : layers) {
      layer.initialise(store, random);
    }
    return new TrainableFlow(dim, List.copyOf(layers), store);
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] p = reversed(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static int[] reversed(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = n - 1 - i;
    }
    return p;
  }

  public int dim() {
    return dim;
  }

  /** Number of trainable parameters. */
  public long parameterCount() {
    return store.size();
  }

  ParameterStore store() {
    return store;
  }

  /** Data-dependent initialisation: each layer sees the previous layers' output on this batch. */
  public void initialiseFromData(double[] x, int n) {
    try (var ws = Nd4jRuntime.scope()) {
      double[] h = x;
      double[] logDet = new double[n];
      for (TrainableLayer layer : layers) {
        layer.initialiseFromData(h, n);
        h = layer.forward(h, n, logDet);
      }
    }
  }

  /** Per-row {@code log p(x)} in flow space (the ND4J forward pass). */
  public double[] logDensity(double[] x, int n) {
    double[] logDet = new double[n];
    double[] h = x;
    try (var ws = Nd4jRuntime.scope()) {
      for (TrainableLayer layer : layers) {
        h = layer.forward(h, n, logDet);
      }
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = StandardNormal.logDensity(h, i * dim, dim) + logDet[i];
    }
    return out;
  }

  /** Mean NLL of the batch; leaves its gradient with respect to every parameter in the store. */
  public double lossAndGradient(double[] x, int n) {
    try (var ws = Nd4jRuntime.scope()) {
      double[] logDet = new double[n];
      double[] h = x;
      for (TrainableLayer layer : layers) {
        h = layer.forward(h, n, logDet);
      }
      double loss = 0;
      double[] g = new double[n * dim];
      for (int i = 0; i < n; i++) {
        loss -= StandardNormal.logDensity(h, i * dim, dim) + logDet[i];
      }
      for (int k = 0; k < n * dim; k++) {
        g[k] = h[k] / n;
      }
      double gl = -1.0 / n;
      for (int l = layers.size() - 1; l >= 0; l--) {
        g = layers.get(l).backward(g, gl);
      }
      return loss / n;
    }
  }

  /** One optimiser step inside the scratch workspace. */
  double step(Adam adam, double learningRate) {
    try (var ws = Nd4jRuntime.scope()) {
      return adam.step(learningRate);
    }
  }

  /** Frees this thread's ND4J scratch memory once training is over. */
  void releaseScratch() {
    Nd4jRuntime.release();
  }

  /** A copy of all parameters (for keeping the best model during early stopping). */
  public double[] snapshot() {
    return Arrays2D.rowMajor(store.params());
  }

  /** Sets all parameters (as laid out by {@link #snapshot()}), then re-applies MADE masks. */
  public void restore(double[] snapshot) {
    if (snapshot.length != store.size()) {
      throw new IllegalArgumentException("expected " + store.size() + " parameters, got " + snapshot.length);
    }
    store.params().assign(org.nd4j.linalg.factory.Nd4j.createFromArray(snapshot));
    for (TrainableLayer layer : layers) {
      layer.enforceConstraints();
    }
  }

  /** Direct access to the flat parameter and gradient vectors, for tests. */
  INDArray parameters() {
    return store.params();
  }

  INDArray gradients() {
    return store.grads();
  }

  /** An immutable kernel flow with the current parameters. */
  public NormalizingFlow export() {
    List<Bijection> out = new ArrayList<>();
    for (TrainableLayer layer : layers) {
      out.add(layer.export());
    }
    return new NormalizingFlow(dim, out);
  }
}
