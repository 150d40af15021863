package dev.chaosjunit.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Builds the {@link ExtensionConfigurationException}s: annotation, element, problem, fix. */
@API(status = INTERNAL, since = "0.1")
public final class Misconfiguration {

  private Misconfiguration() {}

  /** {@code @Annotation on [element]: problem; fix}. */
  public static ExtensionConfigurationException of(String annotation, String element, String problem, String fix) {
    return of(annotation, element, problem, fix, null);
  }

  /** The same, keeping the cause (may be {@code null}). */
  public static ExtensionConfigurationException of(
      String annotation, String element, String problem, String fix, Throwable cause) {
    return new ExtensionConfigurationException(
        "@" + annotation + " on [" + element + "]: " + problem + "; " + fix, cause);
  }
}
