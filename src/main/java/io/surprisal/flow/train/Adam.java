package io.surprisal.flow.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba, 2015) with global-norm gradient clipping, on the flat parameter vector:
 * a fixed handful of ND4J ops per step whatever the number of layers.
 */
final class Adam {
  private final ParameterStore store;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double clipNorm;
  private final INDArray m;
  private final INDArray v;
  private long step;

  Adam(ParameterStore store, double beta1, double beta2, double epsilon, double clipNorm) {
    this.store = store;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.clipNorm = clipNorm;
    this.m = store.params().like();
    this.v = store.params().like();
  }

  /**
   * Applies one update with learning rate {@code lr} from the gradients in the store.
   *
   * @return the gradient's global L2 norm before clipping
   */
  double step(double lr) {
    INDArray g = store.grads();
    double norm = g.norm2Number().doubleValue();
    if (!Double.isFinite(norm)) {
      return norm; // skip the step; the caller decides what to do about a non-finite loss
    }
    if (clipNorm > 0 && norm > clipNorm) {
      g.muli(clipNorm / norm);
    }
    step++;
    m.muli(beta1).addi(g.mul(1 - beta1));
    v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
    double lrT = lr * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
    INDArray denom = Transforms.sqrt(v, true).addi(epsilon);
    store.params().subi(m.div(denom).muli(lrT));
    return norm;
  }
}
