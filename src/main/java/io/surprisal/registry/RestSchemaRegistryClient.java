package io.surprisal.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Maps each client method onto one REST call; no caching here (see CachingSchemaRegistryClient). */
final class RestSchemaRegistryClient implements SchemaRegistryClient {
  private final RegistryTransport transport;

  RestSchemaRegistryClient(SchemaRegistryConfig config) {
    this.transport = new RegistryTransport(config);
  }

  @Override
  public int register(String subject, Schema schema) {
    var request = RegistryRequest.post(subjectPath(subject) + "/versions", schemaBody(schema), subject);
    return requiredInt(request, transport.send(request), "id");
  }

  @Override
  public Schema schemaById(int id) {
    var request = RegistryRequest.get("/schemas/ids/" + id, null, id);
    return parseSchema(request, transport.send(request));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    var request = RegistryRequest.get(subjectPath(subject) + "/versions/latest", subject, null);
    return registeredSchema(request, transport.send(request), subject);
  }

  @Override
  public int idOf(String subject, Schema schema) {
    var request = RegistryRequest.post(subjectPath(subject), schemaBody(schema), subject);
    return requiredInt(request, transport.send(request), "id");
  }

  @Override
  public CompatibilityResult testCompatibility(String subject, Schema schema) {
    var request = RegistryRequest.post(
        "/compatibility" + subjectPath(subject) + "/versions/latest?verbose=true", schemaBody(schema), subject);
    JsonNode answer = transport.send(request);
    JsonNode verdict = answer.get("is_compatible");
    if (verdict == null || !verdict.isBoolean()) {
      throw new RegistryProtocolException(request, "no boolean 'is_compatible' in " + answer, null);
    }
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(m -> messages.add(m.asText()));
    return new CompatibilityResult(verdict.booleanValue(), messages);
  }

  @Override
  public Compatibility getCompatibility(String subject) {
    var request = RegistryRequest.get("/config/" + encode(subject) + "?defaultToGlobal=true", subject, null);
    try {
      return compatibility(request, transport.send(request));
    } catch (SchemaRegistryException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      // Apicurio answers 404 for a subject without versions even with defaultToGlobal=true.
      var global = RegistryRequest.get("/config", subject, null);
      return compatibility(global, transport.send(global));
    }
  }

  private static Compatibility compatibility(RegistryRequest request, JsonNode answer) {
    String level = answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(""));
    try {
      return Compatibility.parse(level);
    } catch (IllegalArgumentException e) {
      throw new RegistryProtocolException(request, e.getMessage(), e);
    }
  }

  @Override
  public void setCompatibility(String subject, Compatibility level) {
    String body = json(Map.of("compatibility", level.name()));
    transport.send(RegistryRequest.put("/config/" + encode(subject), body, subject));
  }

  @Override
  public List<String> subjects() {
    var request = RegistryRequest.get("/subjects", null, null);
    JsonNode answer = transport.send(request);
    if (!answer.isArray()) {
      throw new RegistryProtocolException(request, "expected a JSON array, got " + answer, null);
    }
    List<String> subjects = new ArrayList<>();
    answer.forEach(s -> subjects.add(s.asText()));
    return List.copyOf(subjects);
  }

  @Override
  public void close() {
    transport.close();
  }

  private RegisteredSchema registeredSchema(RegistryRequest request, JsonNode answer, String subject) {
    return new RegisteredSchema(subject, requiredInt(request, answer, "version"),
        requiredInt(request, answer, "id"), parseSchema(request, answer));
  }

  private static Schema parseSchema(RegistryRequest request, JsonNode answer) {
    String type = answer.path("schemaType").asText("AVRO");
    if (!type.equalsIgnoreCase("AVRO")) {
      throw new RegistryProtocolException(request, "schema type is " + type + ", only AVRO is supported", null);
    }
    JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw new RegistryProtocolException(request, "no 'schema' text in the answer", null);
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw new RegistryProtocolException(request, "schema does not parse as Avro: " + e.getMessage(), e);
    }
  }

  private static int requiredInt(RegistryRequest request, JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new RegistryProtocolException(request, "no integer '" + field + "' in " + answer, null);
    }
    return value.intValue();
  }

  private String schemaBody(Schema schema) {
    return json(Map.of("schema", schema.toString()));
  }

  private String json(Object value) {
    try {
      return transport.json().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a string map as JSON", e);
    }
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encode(subject);
  }

  /** Percent-encodes one path segment (URLEncoder is for forms: it writes a space as '+'). */
  private static String encode(String segment) {
    if (segment == null || segment.isEmpty()) {
      throw new IllegalArgumentException("subject must be a non-empty string, got '" + segment + "'");
    }
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
