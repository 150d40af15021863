package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the proxy of one chaos service listens, and the addresses a client needs to go through it.
 *
 * @param service the service name of {@code @Chaos}
 * @param protocol the protocol spoken, e.g. {@code postgres}, {@code tcp}
 * @param host the proxy's host, as the test JVM reaches it
 * @param port the proxy's port
 * @param upstream the real server's {@code host:port}
 * @param originalJdbcUrl the container's own JDBC URL, when it is a JDBC database container
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProxyEndpoint(
    String service, String protocol, String host, int port, String upstream, Optional<String> originalJdbcUrl) {

  /** The host name containers use to reach the test host (Testcontainers' exposed host ports). */
  public static final String CONTAINER_HOST = "host.testcontainers.internal";

  /** {@code host:port} of the proxy. */
  public String hostPort() {
    return host + ":" + port;
  }

  /** A Kafka {@code bootstrap.servers} value pointing at the proxy. */
  public String bootstrapServers() {
    return hostPort();
  }

  /**
   * The container's JDBC URL with its host and port replaced by the proxy's.
   *
   * @throws IllegalStateException when the service is not a JDBC database container
   */
  public String jdbcUrl() {
    String url = originalJdbcUrl.orElseThrow(() -> new IllegalStateException("service [" + service
        + "] is not a JDBC database container: call rewrite(url) with the URL the client would use"));
    return rewrite(url);
  }

  /** {@code url} with the first occurrence of the upstream's {@code host:port} replaced by the proxy's. */
  public String rewrite(String url) {
    if (!url.contains(upstream)) {
      throw new IllegalArgumentException("[" + url + "] does not contain the upstream address [" + upstream
          + "] of service [" + service + "]: pass a URL that points at the real server");
    }
    return url.replaceFirst(java.util.regex.Pattern.quote(upstream), java.util.regex.Matcher.quoteReplacement(hostPort()));
  }

  /**
   * {@code host.testcontainers.internal:port}: how a container reaches this proxy, once the port is
   * exposed with {@code org.testcontainers.Testcontainers.exposeHostPorts(port)}.
   */
  public String forContainers() {
    return CONTAINER_HOST + ":" + port;
  }
}
