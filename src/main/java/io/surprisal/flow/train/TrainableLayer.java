package io.surprisal.flow.train;

import io.surprisal.flow.Bijection;
import java.util.random.RandomGenerator;

/**
 * The training twin of a kernel {@link Bijection}: batched forward with a cache, hand-written
 * backward, and export to the immutable kernel layer. Batches are row-major {@code n x d} arrays.
 */
interface TrainableLayer {

  int dim();

  /** Binds the layer to the allocated parameter store and sets initial values. */
  void initialise(ParameterStore store, RandomGenerator random);

  /** Data-dependent initialisation from this layer's inputs (ActNorm); no-op by default. */
  default void initialiseFromData(double[] x, int n) {}

  /** Maps the batch forward, adds each row's log|det J| into {@code logDet}, caches for backward. */
  double[] forward(double[] x, int n, double[] logDet);

  /**
   * Given {@code dL/dy} for the cached batch and {@code dL/dlogdet} (the same for every row),
   * writes parameter gradients into the store and returns {@code dL/dx}.
   */
  double[] backward(double[] gradY, double gradLogDet);

  /** Re-establishes structural constraints after parameters were overwritten (MADE masks). */
  default void enforceConstraints() {}

  /** An immutable kernel copy of the current parameters. */
  Bijection export();
}
