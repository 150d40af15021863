package dev.chaosjunit.samples.orders;

/** No valid bearer token: HTTP 401. */
final class Unauthorized extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Unauthorized(String message, Throwable cause) {
    super(message, cause);
  }
}
