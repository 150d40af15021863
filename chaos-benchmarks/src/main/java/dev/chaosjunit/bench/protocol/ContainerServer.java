package dev.chaosjunit.bench.protocol;

import dev.chaosjunit.bench.Workload;
import java.net.InetSocketAddress;
import org.testcontainers.containers.GenericContainer;

/** A started container serving a workload on one of its ports, on the host's loopback; closing stops it. */
record ContainerServer(GenericContainer<?> container, InetSocketAddress address) implements Workload.Server {

  /** The started {@code container}, reached at the host port mapped to {@code port}. */
  static ContainerServer of(GenericContainer<?> container, int port) {
    return new ContainerServer(container, new InetSocketAddress("127.0.0.1", container.getMappedPort(port)));
  }

  @Override
  public void close() {
    container.stop();
  }
}
