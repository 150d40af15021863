package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a proxy fronts and where it listens.
 *
 * @param name unique per engine
 * @param listenHost the host to listen on, {@code null} = the engine's {@link EngineOptions#bindHost()}
 * @param listenPort the port to listen on, 0 = an ephemeral one (see {@link Proxy#listenAddress()})
 * @param upstreamHost the server's host, resolved at each connect
 * @param upstreamPort the server's port
 * @param protocol the name of a {@code ProtocolInspector}, {@code null} = plain TCP relay
 * @param enabled whether the proxy accepts connections once created
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProxySpec(
    String name, String listenHost, int listenPort, String upstreamHost, int upstreamPort, String protocol,
    boolean enabled) {

  public ProxySpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("proxy name must not be blank");
    }
    checkPort(name, "listen", listenPort, 0);
    if (upstreamHost == null || upstreamHost.isBlank()) {
      throw new IllegalArgumentException("proxy [" + name + "]: upstream host must not be blank");
    }
    checkPort(name, "upstream", upstreamPort, 1);
  }

  /** A proxy on {@code listen} ("host:port", port 0 = ephemeral) in front of {@code upstream} ("host:port"). */
  public static ProxySpec of(String name, String listen, String upstream) {
    HostPort l = HostPort.parse(name, "listen", listen);
    HostPort u = HostPort.parse(name, "upstream", upstream);
    return new ProxySpec(name, l.host(), l.port(), u.host(), u.port(), null, true);
  }

  /** A proxy on an ephemeral port of the engine's bind host in front of {@code upstream} ("host:port"). */
  public static ProxySpec of(String name, String upstream) {
    HostPort u = HostPort.parse(name, "upstream", upstream);
    return new ProxySpec(name, null, 0, u.host(), u.port(), null, true);
  }

  /** The same proxy decoding traffic with the named protocol inspector. */
  public ProxySpec withProtocol(String protocolName) {
    return new ProxySpec(name, listenHost, listenPort, upstreamHost, upstreamPort, protocolName, enabled);
  }

  /** The same proxy listening on {@code listen} ("host:port", port 0 = ephemeral). */
  public ProxySpec withListen(String listen) {
    HostPort l = HostPort.parse(name, "listen", listen);
    return new ProxySpec(name, l.host(), l.port(), upstreamHost, upstreamPort, protocol, enabled);
  }

  /** The same proxy in front of {@code upstream} ("host:port"). */
  public ProxySpec withUpstream(String upstream) {
    HostPort u = HostPort.parse(name, "upstream", upstream);
    return new ProxySpec(name, listenHost, listenPort, u.host(), u.port(), protocol, enabled);
  }

  /** The same proxy, created enabled or disabled. */
  public ProxySpec withEnabled(boolean enable) {
    return new ProxySpec(name, listenHost, listenPort, upstreamHost, upstreamPort, protocol, enable);
  }

  /** The protocol inspector's name, if any. */
  public Optional<String> protocolName() {
    return Optional.ofNullable(protocol).filter(p -> !p.isBlank());
  }

  /** The upstream as "host:port". */
  public String upstream() {
    return HostPort.format(upstreamHost, upstreamPort);
  }

  private static void checkPort(String name, String what, int port, int min) {
    if (port < min || port > 65535) {
      throw new IllegalArgumentException(
          "proxy [" + name + "]: " + what + " port must be between " + min + " and 65535, was [" + port + "]");
    }
  }
}
