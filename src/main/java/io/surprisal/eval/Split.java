package io.surprisal.eval;

/**
 * Row indices to train on and to test on. The arrays belong to the split and are not copied; treat
 * them as read-only.
 *
 * @param train indices of the training rows, ascending; may repeat a row (bootstrap)
 * @param test indices of the test rows, ascending, each once
 */
public record Split(int[] train, int[] test) {}
