package dev.chaosjunit.junit.support;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Scenario;
import java.io.IOException;
import java.net.InetSocketAddress;

/** A fixture's base: the chaos service {@code echo} (the shared {@link EchoServer}) and a scenario {@code ping}. */
@TestFixture
public abstract class EchoFixture {

  @Chaos("echo") static InetSocketAddress echo = EchoServer.address();

  /** One round trip through the proxy of {@code echo}. */
  @Scenario
  protected String ping(ChaosTopology topology) throws IOException {
    return EchoClient.roundTrip(topology.proxy("echo"), "ping", 3000);
  }
}
