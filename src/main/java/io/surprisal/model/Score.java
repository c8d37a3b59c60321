package io.surprisal.model;

/**
 * The verdict on one event.
 *
 * @param logLikelihood {@code log p(x)} in nats under the model (surprisal is its negative)
 * @param pValue        conformal p-value against the calibration set
 * @param alert         {@code pValue <= alpha}
 */
public record Score(double logLikelihood, double pValue, boolean alert) {}
