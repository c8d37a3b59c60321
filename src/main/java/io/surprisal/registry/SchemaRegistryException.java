package io.surprisal.registry;

/**
 * The registry answered a call with a client error (HTTP 4xx): the request was wrong or named
 * something that does not exist. Retrying the same call will not help.
 *
 * <p>Carries the HTTP status, the registry's {@code error_code} (Confluent's codes, which
 * Apicurio's ccompat API also uses: 40401 subject not found, 40402 version not found, 40403 schema
 * not found, 409 incompatible schema, 42201 invalid schema) and its message.
 */
public final class SchemaRegistryException extends RegistryException {
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;

  private final int httpStatus;
  private final int errorCode;
  private final String registryMessage;

  SchemaRegistryException(RegistryRequest request, int httpStatus, int errorCode, String registryMessage) {
    super(request, "Schema registry rejected " + about(request) + ": HTTP " + httpStatus
        + ", error_code " + errorCode + ": " + registryMessage, null);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.registryMessage = registryMessage;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code}, or the HTTP status when the body had none. */
  public int errorCode() {
    return errorCode;
  }

  /** The registry's own {@code message}, or the raw body when it was not JSON. */
  public String registryMessage() {
    return registryMessage;
  }

  /** True when the subject, version or schema asked for does not exist (HTTP 404). */
  public boolean isNotFound() {
    return httpStatus == 404;
  }
}
