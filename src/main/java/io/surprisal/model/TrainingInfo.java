package io.surprisal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * @param noiseCandidates  the training noises tried when the noise was selected, sharpest first; empty
 *                         when one noise was given (and in models of format version 2 and older)
 */
public record TrainingInfo(
    long rows, long trainingRows, long validationRows, long calibrationRows, int epochs, int bestEpoch,
    double validationNll, Duration duration, long seed, Instant createdAt, long parameterCount, String stopReason,
    List<NoiseCandidate> noiseCandidates) {

  public TrainingInfo {
    noiseCandidates = List.copyOf(noiseCandidates);
  }

  /** The chosen candidate, if the noise was selected. */
  public java.util.Optional<NoiseCandidate> chosenNoise() {
    return noiseCandidates.stream().filter(NoiseCandidate::chosen).findFirst();
  }
}
