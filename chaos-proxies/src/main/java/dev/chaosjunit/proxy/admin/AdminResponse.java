package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * What an endpoint answers: a status and a body with its content type.
 *
 * @param status the HTTP status code
 * @param body the body, empty for 204
 * @param contentType the Content-Type, or null without a body
 */
record AdminResponse(int status, byte[] body, String contentType) {

  static final String JSON = "application/json";

  static AdminResponse ok(JsonNode json) {
    return new AdminResponse(200, Json.bytes(json), JSON);
  }

  static AdminResponse created(JsonNode json) {
    return new AdminResponse(201, Json.bytes(json), JSON);
  }

  static AdminResponse noContent() {
    return new AdminResponse(204, new byte[0], null);
  }

  /** Toxiproxy's error body: {@code {"error":"...","status":N}} followed by a newline. */
  static AdminResponse error(int status, String message) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("error", message);
    json.put("status", status);
    return new AdminResponse(status, (Json.MAPPER.valueToTree(json).toString() + "\n")
        .getBytes(StandardCharsets.UTF_8), JSON);
  }

  static AdminResponse text(String body, String contentType) {
    return new AdminResponse(200, body.getBytes(StandardCharsets.UTF_8), contentType);
  }
}
