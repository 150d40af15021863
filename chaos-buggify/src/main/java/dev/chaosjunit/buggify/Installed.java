package dev.chaosjunit.buggify;

/** The installed {@link ChaosRuntime}, or {@code null}: one volatile read is all a disabled call costs. */
final class Installed {

  static volatile ChaosRuntime runtime;

  private Installed() {}
}
