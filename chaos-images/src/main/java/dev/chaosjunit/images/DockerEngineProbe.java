package dev.chaosjunit.images;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;

/** Asks the Docker engine Testcontainers uses (same discovery, same client). */
final class DockerEngineProbe implements LocalImageCheck.EngineProbe {

  @Override
  public boolean available() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  @Override
  public boolean hasImage(String canonicalName) {
    try {
      DockerClientFactory.lazyClient().inspectImageCmd(canonicalName).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public String describe() {
    String host = System.getenv("DOCKER_HOST");
    return "DOCKER_HOST=" + (host == null ? "unset, so unix:///var/run/docker.sock" : host);
  }
}
