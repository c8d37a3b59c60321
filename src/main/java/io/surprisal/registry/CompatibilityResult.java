package io.surprisal.registry;

import java.util.List;

/**
 * The registry's verdict on a candidate schema. {@code messages} lists the reasons when the
 * registry gives them (Confluent does with {@code verbose=true}; Apicurio 3.3 does not).
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
  public CompatibilityResult {
    messages = List.copyOf(messages);
  }
}
