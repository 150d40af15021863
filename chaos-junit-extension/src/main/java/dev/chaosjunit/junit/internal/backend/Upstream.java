package dev.chaosjunit.junit.internal.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where a chaos service really listens, seen from the test JVM and, for containers, from the container
 * network (what a proxy running in a container must connect to).
 *
 * @param host host as the test JVM reaches it
 * @param port port as the test JVM reaches it
 * @param networkHost the container's address on its Docker network, if it is a container
 * @param networkPort the container port
 * @param jdbcUrl the container's own JDBC URL, if it has one
 */
@API(status = INTERNAL, since = "0.1")
public record Upstream(String host, int port, Optional<String> networkHost, int networkPort, Optional<String> jdbcUrl) {

  /** {@code host:port} as the test JVM reaches it. */
  public String hostPort() {
    return host + ":" + port;
  }
}
