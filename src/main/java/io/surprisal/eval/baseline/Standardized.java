package io.surprisal.eval.baseline;

/** A {@link Baseline} that sees its rows standardised with the training rows' {@link Standardization}. */
final class Standardized implements Baseline {
  private final Baseline inner;

  Standardized(Baseline inner) {
    this.inner = inner;
  }

  @Override
  public FittedBaseline fit(double[][] train, long seed) {
    Standardization z = Standardization.of(train);
    FittedBaseline fitted = inner.fit(z.apply(train), seed);
    return new FittedBaseline() {
      @Override
      public double score(double[] row) {
        return fitted.score(z.apply(row));
      }

      @Override
      public double[] score(double[][] rows) {
        return fitted.score(z.apply(rows));
      }
    };
  }
}
