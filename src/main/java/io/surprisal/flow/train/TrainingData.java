package io.surprisal.flow.train;

import java.util.random.RandomGenerator;

/**
 * Rows as the flow sees them (after the model's fitted preprocessing). The trainer never touches
 * raw data: dequantisation noise and the preprocessing Jacobian live behind this interface.
 */
public interface TrainingData {

  int rows();

  int dim();

  /**
   * Writes rows {@code index[from .. to)} into {@code out} (row-major, {@code (to-from) x dim}).
   * With a non-null {@code noise}, integer-valued features are dequantised with fresh uniform noise;
   * with null they take the cell centre, so evaluation is deterministic.
   */
  void fill(int[] index, int from, int to, double[] out, RandomGenerator noise);

  /** {@code log|det|} of the preprocessing Jacobian at a row, so data-space NLL can be reported. */
  double preprocessingLogDet(int row);
}
