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
   * {@link #hostPort()}, checked to be reachable from a container: the proxies must listen on an address
   * containers reach ({@code @ChaosTest(proxyHost = ChaosTest.DOCKER_BRIDGE)}); every other helper then
   * names the same address, for the test JVM and containers alike.
   *
   * @throws IllegalStateException when the proxy listens on a loopback address
   */
  public String forContainers() {
    if (host.startsWith("127.") || host.equals("localhost") || host.equals("::1")) {
      throw new IllegalStateException("the proxy of service [" + service + "] listens on " + host
          + ", which a container cannot reach: annotate the test class with"
          + " @ChaosTest(proxyHost = ChaosTest.DOCKER_BRIDGE)");
    }
    return hostPort();
  }
}
