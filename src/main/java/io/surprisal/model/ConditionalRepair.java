package io.surprisal.model;

import java.util.List;

/**
 * Conditional-repair attributions: for each feature j, how much the log-density of an event rises
 * when feature j alone is set to its most likely value given the others,
 *
 * <pre>
 *   gain_j = max_v log p(x with x_j := v) - log p(x)   (>= 0)
 * </pre>
 *
 * The feature with the largest gain is the one whose repair best explains the event. Unlike
 * attributions against a fixed reference point (baseline Shapley values against the training
 * medians), a repair is judged against the other features of the same event, so an event that
 * breaks a relation between features, every value within its normal range, names the feature that
 * broke it rather than the features that happen to lie far from their medians. Gains do not add up
 * to anything: each is a separate what-if.
 *
 * <p>The maximisation over v runs in the feature's standardised coordinate z, where the
 * preprocessing ({@link FeatureScaling}) makes the training values look like a unit-scale variable
 * around the median: a grid of {@value #GRID_POINTS} points over {@code z in [-GRID_HALF_WIDTH,
 * GRID_HALF_WIDTH]} (z = 0 is the training median; a symmetric-log feature reaches further out in
 * its tail), mapped back by {@link FeatureScaling#inverse}, which lands discrete features on their
 * lattice; then up to {@value #REFINE_STEPS} steps of successive parabolic interpolation, with
 * golden-section steps where the parabola does not help, inside the two grid intervals around the
 * best grid point (a discrete feature stops as soon as no untried lattice point is left between
 * the bracket's ends, and then climbs to a better lattice neighbour if there is one). The event's
 * own value counts as a candidate with gain 0, so gains are never negative. Deterministic.
 *
 * <p>Cost: at most {@code GRID_POINTS + REFINE_STEPS} evaluations of the model's log-density per
 * feature, plus {@code LATTICE_STEPS} for a discrete one (candidates that repeat a lattice point or
 * the event's own value are not evaluated again).
 *
 * <p>Holds the search's state and a scratch row: one instance per thread.
 */
final class ConditionalRepair {
  /**
   * Grid points per feature, odd so that z = 0 (the training median) is one of them: three quarters
   * of a robust scale apart. The refinement finds a mode between them; grids of 19 and 25 points
   * named the same features in the benchmark ({@code docs/benchmarks.md}, "Attributions") at up to
   * half as much again of the cost.
   */
  static final int GRID_POINTS = 13;
  /** The grid spans this many robust scales on either side of the median, in standardised units. */
  static final double GRID_HALF_WIDTH = 4.5;
  /** Refinement steps after the grid. */
  static final int REFINE_STEPS = 6;
  /** Most evaluations spent on lattice neighbours of a discrete feature's best value. */
  static final int LATTICE_STEPS = 4;
  private static final double GOLDEN = 0.3819660112501051; // 2 - the golden ratio
  private static final double STEP = 2 * GRID_HALF_WIDTH / (GRID_POINTS - 1);
  /** The refinement stops when its next point would be this close to the best one (standardised units). */
  private static final double TOLERANCE = 1e-3;

  /** The model's log-density on a full feature row, evaluated without validation. */
  interface Density {
    double logDensity(double[] x);
  }

  private final FeatureScaling[] scalings;
  private final Density density;
  private final double[] row;
  private final double[] values = new double[GRID_POINTS];
  // the feature being searched: its scaling, index, own value and log p(x)
  private FeatureScaling scaling;
  private int j;
  private double own;
  private double ownLogDensity;
  private double bestValue;
  private double bestLogDensity;
  // the bracket a < b < c in standardised units and the log-densities there; fb >= fa, fc
  private double a;
  private double b;
  private double c;
  private double fa;
  private double fb;
  private double fc;

  ConditionalRepair(List<FeatureScaling> scalings, Density density) {
    this.scalings = scalings.toArray(FeatureScaling[]::new);
    this.density = density;
    this.row = new double[this.scalings.length];
  }

  /**
   * Writes each feature's gain in nats into {@code gain} and the value its repair gives it into
   * {@code repaired} (the event's own value where no candidate beats it).
   *
   * @param x          the event, one finite value per feature (read only)
   * @param logDensity {@code log p(x)}
   */
  void gains(double[] x, double logDensity, double[] gain, double[] repaired) {
    System.arraycopy(x, 0, row, 0, row.length);
    for (j = 0; j < row.length; j++) {
      scaling = scalings[j];
      own = x[j];
      ownLogDensity = logDensity;
      bestValue = own;
      bestLogDensity = logDensity;
      if (grid()) {
        refine();
      }
      polish();
      row[j] = own;
      gain[j] = bestLogDensity - logDensity;
      repaired[j] = bestValue;
    }
  }

  /** Evaluates the grid; returns whether its best point is inside it, with the bracket set around it. */
  private boolean grid() {
    double previousValue = Double.NaN;
    int bestK = -1;
    for (int k = 0; k < GRID_POINTS; k++) {
      double v = scaling.inverse(-GRID_HALF_WIDTH + k * STEP);
      values[k] = v == previousValue ? values[k - 1] : at(v);
      if (bestK < 0 || values[k] > values[bestK]) {
        bestK = k;
      }
      previousValue = v;
    }
    if (bestK == 0 || bestK == GRID_POINTS - 1) {
      return false;
    }
    b = -GRID_HALF_WIDTH + bestK * STEP;
    a = b - STEP;
    c = b + STEP;
    fa = values[bestK - 1];
    fb = values[bestK];
    fc = values[bestK + 1];
    return true;
  }

  /**
   * Shrinks the bracket around its best point: a step to the vertex of the parabola through the
   * bracket's three points where it lies inside (log-densities are near quadratic around a mode, so
   * this is nearly exact: a Gaussian needs one step), a golden-section step otherwise.
   */
  private void refine() {
    boolean discrete = scaling.type() == FeatureType.DISCRETE;
    for (int step = 0; step < REFINE_STEPS; step++) {
      double va = scaling.inverse(a);
      double vb = scaling.inverse(b);
      double vc = scaling.inverse(c);
      if (discrete && vc - va <= 2 * scaling.quantum() * (1 + 1e-9)) {
        return; // no lattice point left in the bracket that was not evaluated
      }
      double u = vertex();
      if (Math.abs(u - b) < TOLERANCE) {
        return;
      }
      if (!(u > a && u < c)) {
        u = c - b > b - a ? b + GOLDEN * (c - b) : b - GOLDEN * (b - a);
      }
      double v = scaling.inverse(u);
      double fu = v == va ? fa : v == vb ? fb : v == vc ? fc : at(v);
      if (u > b) {
        if (fu > fb) {
          a = b;
          fa = fb;
          b = u;
          fb = fu;
        } else {
          c = u;
          fc = fu;
        }
      } else if (fu > fb) {
        c = b;
        fc = fb;
        b = u;
        fb = fu;
      } else {
        a = u;
        fa = fu;
      }
    }
  }

  /**
   * For a discrete feature whose lattice step is coarser than the refinement's tolerance: climbs
   * from the best value to a better lattice neighbour while there is one, at most
   * {@value #LATTICE_STEPS} evaluations (the refinement works in z, where a lattice cell is a step
   * of the log-density, so it can stop a cell or two away from the best lattice point).
   */
  private void polish() {
    double q = scaling.quantum();
    if (scaling.type() != FeatureType.DISCRETE || q < TOLERANCE * scaling.scale()) {
      return;
    }
    int left = LATTICE_STEPS;
    for (int sign = 1; sign >= -1; sign -= 2) {
      while (left > 0) {
        left--;
        double from = bestLogDensity;
        at(bestValue + sign * q);
        if (!(bestLogDensity > from)) {
          break;
        }
      }
    }
  }

  /** The vertex of the parabola through (a, fa), (b, fb), (c, fc), or NaN if they are collinear. */
  private double vertex() {
    double p = (b - a) * (fb - fc);
    double q = (b - c) * (fb - fa);
    double denominator = p - q;
    if (!(Math.abs(denominator) > 0) || !Double.isFinite(denominator)) {
      return Double.NaN;
    }
    return b - 0.5 * ((b - a) * p - (b - c) * q) / denominator;
  }

  /** {@code log p} of the row with feature j set to v; keeps the best. */
  private double at(double v) {
    if (v == own) {
      return ownLogDensity;
    }
    row[j] = v;
    double f = density.logDensity(row);
    if (f > bestLogDensity) {
      bestLogDensity = f;
      bestValue = v;
    }
    return f;
  }
}
