package dev.chaosjunit.samples.orders;

/** A dependency failed or was too slow and nothing could stand in for it: HTTP 503. */
final class DependencyFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String dependency;

  DependencyFailure(String dependency, String message, Throwable cause) {
    super(dependency + ": " + message, cause);
    this.dependency = dependency;
  }

  String dependency() {
    return dependency;
  }
}
