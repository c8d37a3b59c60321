package io.surprisal.registry;

/**
 * A schema registry call failed. The subtypes say how: the registry refused the request
 * ({@link SchemaRegistryException}), could not be reached ({@link SchemaRegistryUnavailableException})
 * or answered something that is not the Confluent API ({@link RegistryProtocolException}).
 */
public abstract sealed class RegistryException extends RuntimeException
    permits SchemaRegistryException, SchemaRegistryUnavailableException, RegistryProtocolException {

  private final RegistryRequest request;

  RegistryException(RegistryRequest request, String message, Throwable cause) {
    super(message, cause);
    this.request = request;
  }

  /** The method and path of the failed call, e.g. {@code GET /schemas/ids/7}. */
  public String call() {
    return request.method() + " " + request.path();
  }

  /** The subject the call was about, or null. */
  public String subject() {
    return request.subject();
  }

  /** The schema id the call was about, or null. */
  public Integer schemaId() {
    return request.schemaId();
  }

  static String about(RegistryRequest request) {
    StringBuilder sb = new StringBuilder(request.method()).append(' ').append(request.path());
    if (request.subject() != null) {
      sb.append(" (subject '").append(request.subject()).append("')");
    }
    if (request.schemaId() != null) {
      sb.append(" (schema id ").append(request.schemaId()).append(')');
    }
    return sb.toString();
  }
}
