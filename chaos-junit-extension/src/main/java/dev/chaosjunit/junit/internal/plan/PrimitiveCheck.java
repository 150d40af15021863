package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.fault.ContainerPrimitive;
import dev.chaosjunit.fault.NetworkPrimitive;
import dev.chaosjunit.fault.Primitive;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.internal.Backend;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.GenericContainer;

/**
 * Checks a primitive at discovery: the backend can watch the connections that detect it, and for a
 * container primitive its service is a container and, for disk full, the image's data directory is known
 * and a tmpfs; for a primitive on a peer's connections, the peer's container can reach the proxies.
 */
final class PrimitiveCheck {

  private PrimitiveCheck() {}

  static void check(FaultDef fault, Primitive primitive, ServiceDeclaration service, Backend backend) {
    ContainerPrimitive container = primitive instanceof ContainerPrimitive c ? c : null;
    String what = "fault [" + fault.name() + "] is a " + (container == null ? "" : "container ") + primitive.label();
    if (container != null && !(service.target() instanceof ContainerState)) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), what + ", but service [" + service.name()
          + "] is the address [" + service.target() + "], not a container", "declare the @Chaos field as a"
          + " Testcontainers container, or use a fault at the proxy such as Fault.on(\"" + service.name()
          + "\").refuseConnections()");
    }
    if (backend != Backend.ENGINE) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), what + ", which the " + backend.configName()
          + " backend cannot detect (it does not report the connections it proxies)", "run with -D"
          + ChaosConfig.BACKEND + "=engine (the default)");
    }
    if (container != null) {
      checkData(fault, what, container, service);
    }
  }

  /**
   * A primitive on the connections from a peer service: the proxies tell them by the peer container's source
   * address, so the peer is a container, and it reaches the proxies only where containers can (not on loopback).
   */
  static void checkPeer(FaultDef fault, NetworkPrimitive primitive, ServiceDeclaration peer, String proxyHost) {
    String what = "fault [" + fault.name() + "] is a " + primitive.label() + " from service [" + peer.name() + "]";
    if (!(peer.target() instanceof ContainerState)) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), what + ", which is the address [" + peer.target()
          + "], not a container: the proxies tell a peer's connections by its container's address", "declare the"
          + " @Chaos field of [" + peer.name() + "] as a Testcontainers container, or cut the service from everyone"
          + " with Fault.on(service).network().partition()");
    }
    if (onLoopback(proxyHost)) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), what + ", whose container cannot reach proxies"
          + " listening on loopback" + (proxyHost.isBlank() ? " (the default)" : " [" + proxyHost + "]"), "let the"
          + " proxies listen where containers reach them: @ChaosTest(proxyHost = ChaosTest.DOCKER_BRIDGE), and give"
          + " [" + peer.name() + "] the proxy's forContainers() address");
    }
  }

  private static boolean onLoopback(String proxyHost) {
    String host = proxyHost.strip();
    if (host.isEmpty()) {
      return true;
    }
    try {
      return !host.equals(ChaosTest.DOCKER_BRIDGE) && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false; // the proxies' start names the unknown host
    }
  }

  private static void checkData(FaultDef fault, String what, ContainerPrimitive primitive, ServiceDeclaration service) {
    if (primitive.kind() == ContainerPrimitive.Kind.CLOCK_SKEW) {
      throw clockSkew(fault, what, service);
    } else if (primitive.kind() == ContainerPrimitive.Kind.DISK_FULL) {
      checkDataPath(fault, what, service);
    } else if (primitive.kind() != ContainerPrimitive.Kind.PAUSE && dataOnTmpfs(service)) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), what + ", which would lose the data of"
          + " service [" + service.name() + "]: its data directory is a tmpfs, emptied when the container stops",
          "fill the disk of another container, and kill or restart one whose data is kept");
    }
  }

  /**
   * A container shares the host's kernel clock: a skew needs its processes started under a library that fakes
   * the wall clock alone, and no image is (libfaketime 0.9.10 hangs redis-server at start, and skews the
   * monotonic clock too unless told not to, which breaks the sleeps of other programs).
   */
  private static ExtensionConfigurationException clockSkew(FaultDef fault, String what, ServiceDeclaration service) {
    String image = service.target() instanceof Container<?> container ? container.getDockerImageName() : "unknown";
    return Misconfiguration.of("FaultAssumption", fault.element(), what + ", but the clock of image [" + image
        + "] of service [" + service.name() + "] cannot be skewed: a container reads the host's kernel clock, so a"
        + " skew needs the service started under a library that moves its wall clock and not its monotonic clock,"
        + " and no supported image is", "skew the clock where the application reads it (an injected"
        + " java.time.Clock), or answer with the service's own error for a bad time through a protocol rule");
  }

  private static boolean dataOnTmpfs(ServiceDeclaration service) {
    return service.target() instanceof GenericContainer<?> generic && generic.getTmpFsMapping() != null
        && ServiceImage.of(generic.getDockerImageName())
            .filter(image -> generic.getTmpFsMapping().containsKey(image.dataPath())).isPresent();
  }

  private static void checkDataPath(FaultDef fault, String what, ServiceDeclaration service) {
    String image = service.target() instanceof Container<?> container ? container.getDockerImageName() : "unknown";
    ServiceImage known = ServiceImage.of(image).orElseThrow(() -> Misconfiguration.of("FaultAssumption",
        fault.element(), what + ", but the data directory of image [" + image + "] of service [" + service.name()
            + "] is unknown (known: " + ServiceImage.known() + ")", "use one of those images, or a protocol"
            + " rule answering with the service's disk-full error"));
    Map<String, String> tmpfs = service.target() instanceof GenericContainer<?> generic
        ? generic.getTmpFsMapping() : Map.of();
    if (tmpfs == null || !tmpfs.containsKey(known.dataPath())) {
      throw Misconfiguration.of("Chaos", service.field(), what + " on [" + service.name() + "], which needs its"
          + " data directory [" + known.dataPath() + "] on a size-limited tmpfs, and the container declares none",
          "create it with .withTmpFs(Map.of(\"" + known.dataPath() + "\", \"rw,size=100m\"))");
    }
  }
}
