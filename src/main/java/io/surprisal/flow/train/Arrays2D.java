package io.surprisal.flow.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between row-major {@code double[]} batches and ND4J matrices. */
final class Arrays2D {
  private Arrays2D() {}

  static INDArray matrix(double[] data, int rows, int cols) {
    return Nd4j.create(data, new long[] {rows, cols}, DataType.DOUBLE);
  }

  /** The elements of {@code a} in row-major order (copies only when {@code a} is a strided view). */
  static double[] rowMajor(INDArray a) {
    INDArray c = a;
    if (a.isView() || a.ordering() != 'c' || a.offset() != 0 || a.data().length() != a.length()
        || a.dataType() != DataType.DOUBLE) {
      c = a.castTo(DataType.DOUBLE).dup('c');
    }
    return c.data().asDouble();
  }

  /** Columns {@code [from, to)} of an {@code n x d} row-major batch. */
  static double[] columns(double[] x, int n, int d, int from, int to) {
    int w = to - from;
    double[] out = new double[n * w];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, i * d + from, out, i * w, w);
    }
    return out;
  }
}
