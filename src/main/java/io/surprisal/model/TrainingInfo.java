package io.surprisal.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How a model was trained.
 *
 * @param rows             rows given to fit
 * @param trainingRows     rows the flow trained on (before trimming)
 * @param validationRows   rows held out for early stopping
 * @param calibrationRows  rows held out for the conformal threshold
 * @param epochs           epochs run
 * @param bestEpoch        epoch whose parameters were kept
 * @param validationNll    best validation NLL per row (nats, data space)
 * @param duration         wall time of the whole fit
 * @param seed             random seed
 * @param createdAt        when the fit finished
 * @param parameterCount   trainable parameters in the flow
 * @param stopReason       why training stopped
 */
public record TrainingInfo(
    long rows, long trainingRows, long validationRows, long calibrationRows, int epochs, int bestEpoch,
    double validationNll, Duration duration, long seed, Instant createdAt, long parameterCount, String stopReason) {}
