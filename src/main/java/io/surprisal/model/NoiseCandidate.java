package io.surprisal.model;

/**
 * One training noise tried by {@link NoiseSelection}.
 *
 * @param noise      the setting, as {@link TrainingNoise#toString()} writes it
 * @param sigma      its standard deviation for the data (for a bandwidth, in units of each feature's spread)
 * @param heldOutNll the trimmed mean NLL of the validation rows without noise (nats); NaN without them
 * @param chosen     whether this setting was kept
 */
public record NoiseCandidate(String noise, double sigma, double heldOutNll, boolean chosen) {}
