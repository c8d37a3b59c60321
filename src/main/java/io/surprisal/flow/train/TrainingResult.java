package io.surprisal.flow.train;

import io.surprisal.flow.NormalizingFlow;
import java.time.Duration;

/**
 * A finished training run.
 *
 * @param flow              the kernel flow with the best validation parameters
 * @param epochs            epochs run
 * @param bestEpoch         epoch whose parameters were kept (1-based)
 * @param validationNll     best validation NLL per row in data space (nats); NaN without validation; with
 *                          trimming, without the {@code trimFraction} share of highest-NLL rows
 * @param duration          wall time
 * @param stopReason        why training stopped
 * @param trainingRows      rows trained on (before trimming)
 * @param validationRows    rows held out
 * @param parameterCount    number of trainable parameters
 * @param parameters        the kept parameters, to continue training from ({@link FlowTrainer#fit(TrainingData,
 *                          TrainingListener, double[])})
 * @param heldOutNll        data-space NLL of each distinct validation row without noise, with the kept
 *                          parameters; empty without validation rows
 */
public record TrainingResult(
    NormalizingFlow flow, int epochs, int bestEpoch, double validationNll, Duration duration,
    StopReason stopReason, int trainingRows, int validationRows, long parameterCount, double[] parameters,
    double[] heldOutNll) {

  /** Why a run ended. */
  public enum StopReason { CONVERGED, MAX_EPOCHS, STEP_BUDGET, TIME_BUDGET }
}
