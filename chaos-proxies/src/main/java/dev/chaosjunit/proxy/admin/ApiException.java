package dev.chaosjunit.proxy.admin;

/**
 * An admin request that failed, with the HTTP status Toxiproxy answers for it. The message becomes the
 * {@code "error"} of the JSON error body, so it names the problem and, where useful, the fix.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  ApiException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiException badRequestBody(String detail) {
    return new ApiException(400, "bad request body: " + detail);
  }

  static ApiException missingField(String field) {
    return new ApiException(400, "missing required field: " + field);
  }

  static ApiException proxyNotFound() {
    return new ApiException(404, "proxy not found");
  }

  static ApiException proxyAlreadyExists() {
    return new ApiException(409, "proxy already exists");
  }

  static ApiException toxicAlreadyExists() {
    return new ApiException(409, "toxic already exists");
  }

  static ApiException toxicNotFound() {
    return new ApiException(404, "toxic not found");
  }

  static ApiException ruleNotFound() {
    return new ApiException(404, "rule not found");
  }
}
