package io.surprisal.flow.train;

/** Receives progress from {@link FlowTrainer}; the command line draws a progress bar from it. */
@FunctionalInterface
public interface TrainingListener {
  TrainingListener NONE = report -> {};

  void epochFinished(EpochReport report);
}
