package dev.chaosjunit.images;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * Checks, before Testcontainers starts a container, that a locally built image is there: without a
 * registry, Testcontainers would otherwise try to pull it for minutes. Fails in about a second with
 * one error that says what to run. Positive answers are cached for the life of the JVM.
 */
final class LocalImageCheck {

  static final String SETUP_HINT = "run .ci/setup";

  private static final Logger LOG = LoggerFactory.getLogger(LocalImageCheck.class);
  private static final LocalImageCheck DEFAULT = new LocalImageCheck(new DockerEngineProbe());

  private final EngineProbe engine;
  private final Set<String> present = ConcurrentHashMap.newKeySet();
  private volatile boolean engineAnswered;

  LocalImageCheck(EngineProbe engine) {
    this.engine = engine;
  }

  static DockerImageName requireDefault(DockerImageName image) {
    return DEFAULT.require(image);
  }

  /** Returns {@code image} if the local Docker engine has it, else throws a {@link MissingImageException}. */
  DockerImageName require(DockerImageName image) {
    String name = image.asCanonicalNameString();
    if (present.contains(name)) {
      return image;
    }
    requireEngine();
    if (!engine.hasImage(name)) {
      throw new MissingImageException(
          "image " + name + " not found: " + SETUP_HINT + " (it builds the local images that "
              + "-D" + Images.PROPERTY + "=local selects; no registry is used).");
    }
    LOG.debug("Local image {} is present", name);
    present.add(name);
    return image;
  }

  private void requireEngine() {
    if (engineAnswered) {
      return;
    }
    if (!engine.available()) {
      throw new MissingImageException(
          "No Docker engine answers (" + engine.describe() + "): start it with .ci/docker-up (installs "
              + "and starts it), or " + SETUP_HINT + " (engine and images).");
    }
    engineAnswered = true;
  }

  /** What the check asks of a Docker engine. */
  interface EngineProbe {

    /** Whether an engine answers. */
    boolean available();

    /** Whether the engine has an image by this canonical name. */
    boolean hasImage(String canonicalName);

    /** Where the engine was looked for, for error messages. */
    String describe();
  }
}
