package dev.chaosjunit.junit.internal.backend;

import com.github.dockerjava.api.model.Network;
import dev.chaosjunit.junit.ChaosTest;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Objects;
import org.testcontainers.DockerClientFactory;

/** Resolves {@link ChaosTest#proxyHost()} to the address the proxies listen on and clients are given. */
final class ProxyHost {

  static final String LOOPBACK = "127.0.0.1";

  private ProxyHost() {}

  /**
   * The address for {@code declared}: loopback when empty, the Docker bridge gateway for
   * {@link ChaosTest#DOCKER_BRIDGE}, else the address itself, which must be one of this machine's.
   *
   * @throws IllegalArgumentException naming the fix when the address cannot serve as the proxies' host
   */
  static String resolve(String declared, Class<?> testClass) {
    String value = declared.trim();
    if (value.isEmpty()) {
      return LOOPBACK;
    }
    String address = value.equals(ChaosTest.DOCKER_BRIDGE) ? bridgeGateway(testClass) : value;
    InetAddress inet = parse(address, testClass);
    if (inet.isAnyLocalAddress()) {
      throw new IllegalArgumentException(prefix(testClass) + "proxyHost [" + value + "] is a wildcard address,"
          + " which cannot be given to clients: name one address of this machine, or ChaosTest.DOCKER_BRIDGE");
    }
    if (!isLocal(inet)) {
      throw new IllegalArgumentException(prefix(testClass) + "proxyHost [" + value + "] resolves to " + address
          + ", which is not an address of this machine"
          + (value.equals(ChaosTest.DOCKER_BRIDGE) ? " (Docker Desktop keeps its bridge in a VM: run the"
              + " service under test in the test JVM, or on Linux)" : ": name an address of one of its interfaces"));
    }
    return inet.getHostAddress();
  }

  private static String bridgeGateway(Class<?> testClass) {
    Network bridge;
    try {
      bridge = DockerClientFactory.instance().client().inspectNetworkCmd().withNetworkId("bridge").exec();
    } catch (RuntimeException e) {
      throw new IllegalStateException(prefix(testClass) + "proxyHost [docker-bridge] needs Docker's default"
          + " bridge network, which could not be inspected: " + e.getMessage(), e);
    }
    return bridge.getIpam().getConfig().stream().map(Network.Ipam.Config::getGateway).filter(Objects::nonNull)
        .findFirst().orElseThrow(() -> new IllegalStateException(prefix(testClass)
            + "Docker's default bridge network has no gateway address: proxyHost [docker-bridge] cannot be used"));
  }

  private static InetAddress parse(String address, Class<?> testClass) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(prefix(testClass) + "proxyHost [" + address + "] is no address: " + e.getMessage(), e);
    }
  }

  private static boolean isLocal(InetAddress address) {
    try {
      return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  private static String prefix(Class<?> testClass) {
    return "[" + testClass.getName() + "] @ChaosTest ";
  }
}
