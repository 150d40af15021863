package dev.chaosjunit.junit.internal;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Builds the {@link ExtensionConfigurationException}s: annotation, element, problem, fix. */
final class Misconfiguration {

  private Misconfiguration() {}

  /** {@code @Annotation on [element]: problem; fix}. */
  static ExtensionConfigurationException of(String annotation, String element, String problem, String fix) {
    return new ExtensionConfigurationException(
        "@" + annotation + " on [" + element + "]: " + problem + "; " + fix);
  }

  /** The same, keeping the cause. */
  static ExtensionConfigurationException of(
      String annotation, String element, String problem, String fix, Throwable cause) {
    return new ExtensionConfigurationException(
        "@" + annotation + " on [" + element + "]: " + problem + "; " + fix, cause);
  }
}
