package io.surprisal.flow.layer;

import io.surprisal.flow.kernel.Exp;
import io.surprisal.flow.kernel.LaneKernel;


/**
 * Monotonic rational-quadratic spline on {@code [-B, B]} with identity tails (Durkan, Bekasov,
 * Murray and Papamakarios, "Neural Spline Flows", NeurIPS 2019).
 *
 * <p>K bins with knots {@code (x_k, y_k)}, {@code x_0 = y_0 = -B}, {@code x_K = y_K = B}, and positive
 * derivatives {@code d_k} at the knots, {@code d_0 = d_K = 1} so the spline joins the identity
 * outside the interval with a continuous slope. In bin k, with {@code t = (x - x_k)/w_k} and
 * {@code s = h_k / w_k}:
 *
 * <pre>
 *   y     = y_k + h_k [s t^2 + d_k t(1-t)] / D,     D = s + (d_{k+1} + d_k - 2 s) t(1-t)
 *   dy/dx = s^2 [d_{k+1} t^2 + 2 s t(1-t) + d_k (1-t)^2] / D^2
 * </pre>
 *
 * The inverse solves a quadratic in t (eq. 6-8 of the paper) with the numerically stable root.
 *
 * <p>Raw parameters per coordinate: K width logits, K height logits (softmax with a minimum bin
 * size) and K-1 interior derivative pre-activations (softplus plus a minimum): 3K-1 in all. Work
 * space holds the K normalised widths then the K normalised heights.
 */
public final class RationalQuadraticSpline implements ElementwiseTransform {
  static final double MIN_BIN = 1e-3;
  static final double MIN_DERIVATIVE = 1e-3;

  private final int bins;
  private final double bound;
  /** The Vector API path of {@link #forwardAll}, or null. */
  private final LaneKernel lanes;

  public RationalQuadraticSpline(int bins, double bound) {
    this(bins, bound, true);
  }

  /** With {@code vectorLanes} false, {@link #forwardAll} takes the path used without the Vector API. */
  RationalQuadraticSpline(int bins, double bound, boolean vectorLanes) {
    if (bins < 2 || MIN_BIN * bins >= 0.5) {
      throw new IllegalArgumentException("spline bins must be in [2, " + (int) (0.5 / MIN_BIN) + "), got " + bins);
    }
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException("spline bound must be positive and finite, got " + bound);
    }
    this.bins = bins;
    this.bound = bound;
    this.lanes = vectorLanes ? LaneKernel.spline(bins, bound, MIN_BIN, MIN_DERIVATIVE) : null;
  }

  /** Whether {@link #forwardAll} runs on the Vector API. */
  boolean vectorLanes() {
    return lanes != null;
  }

  public int bins() {
    return bins;
  }

  public double bound() {
    return bound;
  }

  @Override
  public int paramCount() {
    return 3 * bins - 1;
  }

  @Override
  public double[] identityParams() {
    double[] p = new double[paramCount()];
    double d = Math.log(Math.expm1(1 - MIN_DERIVATIVE)); // softplus^-1(1 - min): every d_k = 1
    for (int k = 0; k < bins - 1; k++) {
      p[2 * bins + k] = d;
    }
    return p;
  }

  @Override
  public int workSize() {
    return 2 * bins;
  }

  @Override
  public int workSize(int count) {
    return 2 * bins + (lanes == null ? count * paramCount() : lanes.scratchSize(count));
  }

  @Override
  public double forward(double[] xs, int xi, double[] ys, int yi, double[] p, int off, double[] work, int w) {
    double x = xs[xi];
    if (!(x > -bound && x < bound)) {
      ys[yi] = x; // identity tails (and NaN passes through unchanged)
      return 0;
    }
    normalise(p, off, work, w);
    return Math.log(forwardInside(x, ys, yi, p, off, work, w, -1));
  }

  /**
   * One coordinate per vector lane ({@link LaneKernel}), or, without the Vector API, every
   * exponential of the layer in one loop and one logarithm of the product of the slopes: agrees
   * with {@link #forward} per coordinate to rounding, in a fraction of the time.
   */
  @Override
  public double forwardAll(double[] xs, int xOff, double[] ys, int yOff, int count, double[] p, int off,
      double[] work, int w) {
    if (lanes != null) {
      return lanes.forwardAll(xs, xOff, ys, yOff, count, p, off, work, w);
    }
    int m = paramCount();
    for (int i = 0; i < count; i++) {
      subtractMax(p, off + i * m);
      subtractMax(p, off + i * m + bins);
    }
    int e = w + 2 * bins;
    Exp.exp(p, off, work, e, count * m);
    double logDet = 0;
    double slopes = 1;
    for (int i = 0; i < count; i++) {
      double x = xs[xOff + i];
      if (!(x > -bound && x < bound)) {
        ys[yOff + i] = x;
        continue;
      }
      int ei = e + i * m;
      normaliseExp(work, ei, work, ei);
      normaliseExp(work, ei + bins, work, ei + bins);
      slopes *= forwardInside(x, ys, yOff + i, p, off + i * m, work, ei, ei + 2 * bins);
      if (!(slopes > 1e-150 && slopes < 1e150)) { // far from under- and overflow
        logDet += Math.log(slopes);
        slopes = 1;
      }
    }
    return logDet + Math.log(slopes);
  }

  /**
   * The spline at x inside the interval, writing y and returning the slope {@code dy/dx}, given
   * normalised widths at {@code sz[w ..)} and heights at
   * {@code sz[w + K ..)}; {@code eDer} locates {@code e^r} of the derivative pre-activations in sz, or
   * is negative to compute them.
   */
  private double forwardInside(double x, double[] ys, int yi, double[] p, int off, double[] sz, int w, int eDer) {
    // find the bin and both left knots in one pass over the cumulative sizes
    double twoB = 2 * bound;
    double below = 0;
    double belowHeight = 0;
    int k = 0;
    for (; k < bins - 1; k++) {
      double next = below + sz[w + k];
      if (x < -bound + twoB * next) {
        break;
      }
      below = next;
      belowHeight += sz[w + bins + k];
    }
    double xk = -bound + twoB * below;
    double wk = twoB * sz[w + k];
    double yk = -bound + twoB * belowHeight;
    double hk = twoB * sz[w + bins + k];
    double dk = eDer < 0 ? derivative(p, off, k) : derivative(p, off, k, sz, eDer);
    double dk1 = eDer < 0 ? derivative(p, off, k + 1) : derivative(p, off, k + 1, sz, eDer);
    double invW = 1 / wk;
    double t = clamp01((x - xk) * invW);
    double s = hk * invW;
    double t1 = t * (1 - t);
    double invDen = 1 / (s + (dk1 + dk - 2 * s) * t1);
    ys[yi] = yk + hk * (s * t * t + dk * t1) * invDen;
    double m = dk1 * t * t + 2 * s * t1 + dk * (1 - t) * (1 - t);
    double ratio = s * invDen;
    return ratio * ratio * m;
  }

  @Override
  public void inverse(double[] ys, int yi, double[] xs, int xi, double[] p, int off, double[] work, int w) {
    double y = ys[yi];
    if (!(y > -bound && y < bound)) {
      xs[xi] = y;
      return;
    }
    normalise(p, off, work, w);
    int k = locate(y, work, w + bins);
    double xk = knot(work, w, k);
    double wk = 2 * bound * work[w + k];
    double yk = knot(work, w + bins, k);
    double hk = 2 * bound * work[w + bins + k];
    double dk = derivative(p, off, k);
    double dk1 = derivative(p, off, k + 1);
    double s = hk / wk;
    double dy = y - yk;
    double sum = dk1 + dk - 2 * s;
    double a = hk * (s - dk) + dy * sum;
    double b = hk * dk - dy * sum;
    double c = -s * dy;
    double disc = Math.max(0, b * b - 4 * a * c);
    double t = clamp01(2 * c / (-b - Math.sqrt(disc)));
    xs[xi] = xk + t * wk;
  }

  @Override
  public double backward(double x, double[] p, int off, double gy, double gl, double[] g, int gOff, double[] work,
      int w) {
    if (!(x > -bound && x < bound)) {
      return gy;
    }
    normalise(p, off, work, w);
    int k = locate(x, work, w);
    double twoB = 2 * bound;
    double xk = knot(work, w, k);
    double wk = twoB * work[w + k];
    double yk = knot(work, w + bins, k);
    double hk = twoB * work[w + bins + k];
    double dk = derivative(p, off, k);
    double dk1 = derivative(p, off, k + 1);
    double t = clamp01((x - xk) / wk);
    double s = hk / wk;
    double t1 = t * (1 - t);
    double sum = dk1 + dk - 2 * s;
    double n = s * t * t + dk * t1;
    double den = s + sum * t1;
    double m = dk1 * t * t + 2 * s * t1 + dk * (1 - t) * (1 - t);
    double den2 = den * den;

    // partial derivatives of y and L = log dy/dx with respect to t, s, d_k, d_{k+1}
    double nT = 2 * s * t + dk * (1 - 2 * t);
    double denT = sum * (1 - 2 * t);
    double mT = 2 * dk1 * t + 2 * s * (1 - 2 * t) - 2 * dk * (1 - t);
    double denS = 1 - 2 * t1;
    double yT = hk * (nT * den - n * denT) / den2;
    double yS = hk * (t * t * den - n * denS) / den2;
    double yDk = hk * t1 * (den - n) / den2;
    double yDk1 = -hk * n * t1 / den2;
    double lT = mT / m - 2 * denT / den;
    double lS = 2 / s + 2 * t1 / m - 2 * denS / den;
    double lDk = (1 - t) * (1 - t) / m - 2 * t1 / den;
    double lDk1 = t * t / m - 2 * t1 / den;

    double gT = gy * yT + gl * lT;
    double gS = gy * yS + gl * lS;
    double gx = gT / wk;
    double gXk = -gT / wk;
    double gWk = -(gT * t + gS * s) / wk;
    double gHk = gy * n / den + gS / wk;
    double gYk = gy;

    // knots: x_k = -B + 2B sum_{j<k} w_j and w_k (bin width) = 2B w_k, likewise for heights
    softmaxBackward(work, w, k, twoB * gXk, twoB * gWk, g, gOff);
    softmaxBackward(work, w + bins, k, twoB * gYk, twoB * gHk, g, gOff + bins);
    if (k > 0) {
      double r = p[off + 2 * bins + k - 1];
      g[gOff + 2 * bins + k - 1] += (gy * yDk + gl * lDk) * sigmoid(r);
    }
    if (k + 1 < bins) {
      double r = p[off + 2 * bins + k];
      g[gOff + 2 * bins + k] += (gy * yDk1 + gl * lDk1) * sigmoid(r);
    }
    return gx;
  }

  /**
   * Gradient through {@code v = MIN + (1 - MIN K) softmax(u)} where the loss depends on
   * {@code v_j} with weight {@code gCum} for every {@code j < k} and {@code gOwn} for {@code j = k}.
   */
  private void softmaxBackward(double[] work, int base, int k, double gCum, double gOwn, double[] g, int gOff) {
    double c = 1 - MIN_BIN * bins;
    double below = 0;
    for (int j = 0; j < k; j++) {
      below += sm(work[base + j]);
    }
    double dot = gCum * below + gOwn * sm(work[base + k]);
    for (int j = 0; j < bins; j++) {
      double gv = j < k ? gCum : (j == k ? gOwn : 0);
      g[gOff + j] += c * sm(work[base + j]) * (gv - dot);
    }
  }

  /** Recovers softmax(u)_j from the normalised size {@code MIN + (1 - MIN K) softmax}. */
  private double sm(double v) {
    return (v - MIN_BIN) / (1 - MIN_BIN * bins);
  }

  /** Fills work[w, w+K) with normalised widths and work[w+K, w+2K) with normalised heights. */
  private void normalise(double[] p, int off, double[] work, int w) {
    softmax(p, off, work, w);
    softmax(p, off + bins, work, w + bins);
  }

  /** Softmax of K logits with a minimum size. */
  private void softmax(double[] p, int off, double[] out, int outOff) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < bins; j++) {
      max = Math.max(max, p[off + j]);
    }
    for (int j = 0; j < bins; j++) {
      out[outOff + j] = Math.exp(p[off + j] - max);
    }
    normaliseExp(out, outOff, out, outOff);
  }

  /** Subtracts the largest of K logits from each, in place. */
  private void subtractMax(double[] p, int off) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < bins; j++) {
      max = Math.max(max, p[off + j]);
    }
    for (int j = 0; j < bins; j++) {
      p[off + j] -= max;
    }
  }

  /** {@code MIN + (1 - MIN K) e_j / sum e} from K exponentials. */
  private void normaliseExp(double[] e, int eOff, double[] out, int outOff) {
    double total = 0;
    for (int j = 0; j < bins; j++) {
      total += e[eOff + j];
    }
    double scale = (1 - MIN_BIN * bins) / total;
    for (int j = 0; j < bins; j++) {
      out[outOff + j] = MIN_BIN + scale * e[eOff + j];
    }
  }

  /** Index of the bin holding v, scanning the knots stored at {@code work[base ..)}. */
  private int locate(double v, double[] work, int base) {
    double edge = -bound;
    for (int k = 0; k < bins - 1; k++) {
      edge += 2 * bound * work[base + k];
      if (v < edge) {
        return k;
      }
    }
    return bins - 1;
  }

  /** Left knot of bin k: {@code -B + 2B sum_{j<k} size_j}. */
  private double knot(double[] work, int base, int k) {
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += work[base + j];
    }
    return -bound + 2 * bound * sum;
  }

  /** Derivative at knot k: 1 at the two ends, {@code MIN + softplus(raw)} inside. */
  private double derivative(double[] p, int off, int k) {
    if (k == 0 || k == bins) {
      return 1;
    }
    return MIN_DERIVATIVE + softplus(p[off + 2 * bins + k - 1]);
  }

  /** {@link #derivative(double[], int, int)} with {@code e^r} already at {@code e[eOff + k - 1]}. */
  private double derivative(double[] p, int off, int k, double[] e, int eOff) {
    if (k == 0 || k == bins) {
      return 1;
    }
    return MIN_DERIVATIVE + softplus(p[off + 2 * bins + k - 1], e[eOff + k - 1]);
  }

  /**
   * {@code log(1 + e^r)} with intrinsic {@code log} (HotSpot does not intrinsify {@code log1p});
   * below -20, {@code e^r} itself is within 1e-9 relative.
   */
  private static double softplus(double r) {
    return r > 30 ? r : softplus(r, Math.exp(r));
  }

  private static double softplus(double r, double expR) {
    if (r > 30) {
      return r;
    }
    return r < -20 ? expR : Math.log(1 + expR);
  }

  private static double sigmoid(double r) {
    return 1 / (1 + Math.exp(-r));
  }

  private static double clamp01(double t) {
    return t < 0 ? 0 : (t > 1 ? 1 : t);
  }
}
