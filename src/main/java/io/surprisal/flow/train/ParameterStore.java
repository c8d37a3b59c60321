package io.surprisal.flow.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * All trainable parameters of a flow in one flat ND4J vector, with a gradient vector of the same
 * layout. Layers hold reshaped views into both, so the optimiser updates every parameter with a
 * handful of whole-vector operations instead of several per tensor (ND4J's cost is per op).
 *
 * <p>Built in two phases: layers {@link Builder#reserve reserve} blocks, then {@link Builder#build}
 * allocates the vectors and hands out views.
 */
final class ParameterStore {
  private final INDArray params;
  private final INDArray grads;

  private ParameterStore(long size) {
    this.params = Nd4j.zeros(DataType.DOUBLE, Math.max(1, size));
    this.grads = Nd4j.zeros(DataType.DOUBLE, Math.max(1, size));
  }

  INDArray params() {
    return params;
  }

  INDArray grads() {
    return grads;
  }

  long size() {
    return params.length();
  }

  /** A reserved block of {@code rows x cols} parameters. */
  record Slot(long offset, int rows, int cols) {
    long length() {
      return (long) rows * cols;
    }
  }

  INDArray param(Slot s) {
    return view(params, s);
  }

  INDArray grad(Slot s) {
    return view(grads, s);
  }

  private static INDArray view(INDArray flat, Slot s) {
    return flat.get(NDArrayIndex.interval(s.offset, s.offset + s.length())).reshape('c', s.rows, s.cols);
  }

  static final class Builder {
    private final List<Slot> slots = new ArrayList<>();
    private long size;

    Slot reserve(int rows, int cols) {
      if (rows < 1 || cols < 1) {
        throw new IllegalArgumentException("parameter block must be at least 1x1, got " + rows + "x" + cols);
      }
      Slot s = new Slot(size, rows, cols);
      size += s.length();
      slots.add(s);
      return s;
    }

    ParameterStore build() {
      return new ParameterStore(size);
    }
  }
}
