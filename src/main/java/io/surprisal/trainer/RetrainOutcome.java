package io.surprisal.trainer;

import io.surprisal.avro.TrainingWindow;
import io.surprisal.model.DensityModel;

/** What one retraining produced: a model to publish, or a refusal saying why. */
public sealed interface RetrainOutcome {

  /**
   * A fitted model and the facts its published version records.
   *
   * @param model                  the model, calibration already screened
   * @param rowCount               rows given to the fitter
   * @param excludedCount          window events left out because the current model flagged them
   * @param validationNll          mean NLL of the held-out rows under this model (nats)
   * @param previousValidationNll  the current model's on the same rows, or null without one
   * @param window                 the events the model was trained on
   */
  record Candidate(DensityModel model, long rowCount, long excludedCount, double validationNll,
      Double previousValidationNll, TrainingWindow window) {}

  /** Publish this candidate. */
  record Accepted(Candidate candidate) implements RetrainOutcome {}

  /** Do not publish this candidate, because of {@code reason}. */
  record Refused(Candidate candidate, String reason) implements RetrainOutcome {}
}
