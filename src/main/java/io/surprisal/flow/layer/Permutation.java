package io.surprisal.flow.layer;

import io.surprisal.flow.Bijection;
import java.util.Arrays;

/** Reorders coordinates, {@code y_i = x_{perm[i]}}; volume preserving ({@code log|det J| = 0}). */
public final class Permutation implements Bijection {
  private final int[] perm;

  public Permutation(int[] perm) {
    int[] seen = new int[perm.length];
    for (int p : perm) {
      if (p < 0 || p >= perm.length || seen[p]++ > 0) {
        throw new IllegalArgumentException("not a permutation of 0.." + (perm.length - 1) + ": " + Arrays.toString(perm));
      }
    }
    this.perm = perm.clone();
  }

  public int[] indices() {
    return perm.clone();
  }

  @Override
  public int dim() {
    return perm.length;
  }

  @Override
  public double forward(double[] x, int xOff, double[] y, int yOff, double[] work) {
    for (int i = 0; i < perm.length; i++) {
      y[yOff + i] = x[xOff + perm[i]];
    }
    return 0;
  }

  @Override
  public void inverse(double[] y, int yOff, double[] x, int xOff, double[] work) {
    for (int i = 0; i < perm.length; i++) {
      x[xOff + perm[i]] = y[yOff + i];
    }
  }
}
