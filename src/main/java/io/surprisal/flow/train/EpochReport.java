package io.surprisal.flow.train;

import java.time.Duration;

/**
 * Progress after one epoch. NLLs are per row in nats, in data space (preprocessing Jacobian
 * included) for validation, in flow space for the training loss.
 */
public record EpochReport(
    int epoch, int maxEpochs, double trainLoss, double validationNll, double bestValidationNll,
    int trainingRows, Duration elapsed) {}
