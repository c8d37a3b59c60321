package io.surprisal.registry;

/**
 * One call to the registry's REST API, with the subject or schema id it concerns (either may be
 * null) so that failures can name them.
 *
 * @param path path and query below the base URL, starting with '/', already URL-encoded
 * @param body JSON body for POST and PUT, else null
 */
record RegistryRequest(String method, String path, String body, String subject, Integer schemaId)
    implements java.io.Serializable {

  static RegistryRequest get(String path, String subject, Integer schemaId) {
    return new RegistryRequest("GET", path, null, subject, schemaId);
  }

  static RegistryRequest post(String path, String body, String subject) {
    return new RegistryRequest("POST", path, body, subject, null);
  }

  static RegistryRequest put(String path, String body, String subject) {
    return new RegistryRequest("PUT", path, body, subject, null);
  }
}
