package dev.chaosjunit.samples.orders;

/** The client sent something the service cannot use: HTTP 400. */
final class BadRequest extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadRequest(String message) {
    super(message);
  }
}
