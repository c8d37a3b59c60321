package io.surprisal.model;

/**
 * How much each feature contributed to an event's surprisal relative to a reference point x0:
 * contributions sum to {@code NLL(x) - NLL(x0)}.
 *
 * @param feature       feature name
 * @param value         the event's value
 * @param reference     the reference value (training median)
 * @param contribution  nats of surprisal attributed to this feature (positive: more anomalous)
 */
public record Attribution(String feature, double value, double reference, double contribution) {}
