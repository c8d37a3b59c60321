package io.surprisal.registry;

/**
 * The registry answered with success but the body is not what the Confluent REST API specifies
 * (not JSON, a field missing, or a schema that does not parse as Avro).
 */
public final class RegistryProtocolException extends RegistryException {
  RegistryProtocolException(RegistryRequest request, String problem, Throwable cause) {
    super(request, "Unexpected answer from schema registry to " + about(request) + ": " + problem, cause);
  }
}
