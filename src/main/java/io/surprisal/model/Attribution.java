package io.surprisal.model;

/**
 * How much repairing one feature would explain an event: the rise in log-density when this feature
 * alone is set to its most likely value given the event's other features ({@link DensityModel#explain}).
 * Each attribution is a separate what-if, so contributions do not add up to the event's surprisal.
 *
 * @param feature       feature name
 * @param value         the event's value
 * @param reference     the value that repair would give this feature (the event's own value when no
 *                      other value is more likely)
 * @param contribution  the gain in nats, {@code log p(repaired) - log p(x) >= 0}: larger means this
 *                      feature's repair explains more of the event
 */
public record Attribution(String feature, double value, double reference, double contribution) {}
