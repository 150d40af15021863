package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.containers.GenericContainer;

/** A primitive that cannot act, or cannot be detected, fails the class at discovery, before any container starts. */
@DisplayName("@FaultMatrix fails at discovery when a primitive")
class PrimitiveMisconfigurationTest {

  private static String failure(Class<?> fixture, Map<String, String> parameters) {
    Throwable thrown = Fixtures.onlyFailure(Fixtures.run(fixture, parameters));
    assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class);
    return thrown.getMessage();
  }

  @Test
  void targetsAnAddressInsteadOfAContainer() {
    assertThat(failure(OnAnAddress.class, Map.of())).isEqualTo("@FaultAssumption on [OnAnAddress.killed]: fault"
        + " [killed] is a container kill, but service [echo] is the address [/127.0.0.1:9], not a container;"
        + " declare the @Chaos field as a Testcontainers container, or use a fault at the proxy such as"
        + " Fault.on(\"echo\").refuseConnections()");
  }

  @Test
  void fillsTheDiskOfAnImageWithoutKnownDataDirectory() {
    assertThat(failure(UnknownImage.class, Map.of())).startsWith("@FaultAssumption on [UnknownImage.full]: fault"
        + " [full] is a container disk full, but the data directory of image [")
        .endsWith("memcached:1.6] of service [cache] is unknown (known: postgres (/var/lib/postgresql/data),"
            + " redis (/data)); use one of those images, or a protocol rule answering with the service's"
            + " disk-full error");
  }

  @Test
  void fillsADiskThatIsNoTmpfs() {
    assertThat(failure(NoTmpfs.class, Map.of())).isEqualTo("@Chaos on [NoTmpfs.cache]: fault [full] is a"
        + " container disk full on [cache], which needs its data directory [/data] on a size-limited tmpfs, and"
        + " the container declares none; create it with .withTmpFs(Map.of(\"/data\", \"rw,size=100m\"))");
  }

  @Test
  void runsOnTheToxiproxyBackend() {
    assertThat(failure(NoTmpfs.class, Map.of("chaos.backend", "toxiproxy"))).isEqualTo("@FaultAssumption on"
        + " [NoTmpfs.full]: fault [full] is a container disk full, which the toxiproxy backend cannot detect (it"
        + " does not report the connections it proxies); run with -Dchaos.backend=engine (the default)");
  }

  @Test
  void isAtTheNetworkUnderTheToxiproxyBackend() {
    assertThat(failure(PartitionedAddress.class, Map.of("chaos.backend", "toxiproxy"))).isEqualTo("@FaultAssumption on"
        + " [PartitionedAddress.cut]: fault [cut] is a partition, which the toxiproxy backend cannot detect (it"
        + " does not report the connections it proxies); run with -Dchaos.backend=engine (the default)");
  }

  @Test
  void restartsAContainerWhoseDataIsOnATmpfs() {
    assertThat(failure(RestartTmpfs.class, Map.of())).isEqualTo("@FaultAssumption on [RestartTmpfs.bounced]:"
        + " fault [bounced] is a container restart, which would lose the data of service [cache]: its data"
        + " directory is a tmpfs, emptied when the container stops; fill the disk of another container, and kill"
        + " or restart one whose data is kept");
  }

  @Test
  void partitionsAServiceFromAnAddress() {
    assertThat(failure(PeerAddress.class, Map.of())).isEqualTo("@FaultAssumption on [PeerAddress.apart]: fault [apart]"
        + " is a partition from service [echo], which is the address [/127.0.0.1:9], not a container: the proxies"
        + " tell a peer's connections by its container's address; declare the @Chaos field of [echo] as a"
        + " Testcontainers container, or cut the service from everyone with Fault.on(service).network().partition()");
  }

  @Test
  void partitionsServicesWhoseContainersCannotReachTheProxies() {
    assertThat(failure(PeerOnLoopback.class, Map.of())).isEqualTo("@FaultAssumption on [PeerOnLoopback.apart]: fault"
        + " [apart] is a partition from service [app], whose container cannot reach proxies listening on loopback"
        + " (the default); let the proxies listen where containers reach them: @ChaosTest(proxyHost ="
        + " ChaosTest.DOCKER_BRIDGE), and give [app] the proxy's forContainers() address");
  }

  @Test
  void partitionsAServiceFromAnUndeclaredOne() {
    assertThat(failure(UnknownPeer.class, Map.of())).isEqualTo("@FaultAssumption on [UnknownPeer.apart]: fault"
        + " [apart] targets service [users], which no @Chaos field declares (declared: [cache]); fix the service"
        + " name or annotate the container field with @Chaos(\"users\")");
  }

  @Test
  void skewsTheClockOfAnyImage() {
    assertThat(failure(SkewedDatabase.class, Map.of())).startsWith("@FaultAssumption on [SkewedDatabase.ahead]: fault"
        + " [ahead] is a container clock skew, but the clock of image [").contains("postgres:15] of service [db]"
        + " cannot be skewed: a container reads the host's kernel clock, so a skew needs the service started under a"
        + " library that moves its wall clock and not its monotonic clock, and no supported image is; skew the clock"
        + " where the application reads it (an injected java.time.Clock), or answer with the service's own error for"
        + " a bad time through a protocol rule");
  }

  @Test
  void restartsAnAddress() {
    assertThat(failure(RestartedAddress.class, Map.of())).isEqualTo("@FaultAssumption on [RestartedAddress.bounced]:"
        + " fault [bounced] is a container restart, but service [echo] is the address [/127.0.0.1:9], not a"
        + " container; declare the @Chaos field as a Testcontainers container, or use a fault at the proxy such as"
        + " Fault.on(\"echo\").refuseConnections()");
  }

  @TestFixture
  static class SkewedDatabase {
    @Chaos("db") static GenericContainer<?> db = new GenericContainer<>(Images.postgres()).withExposedPorts(5432);
    @FaultAssumption static Fault ahead = Fault.on("db").container().clockSkew(java.time.Duration.ofMinutes(5));

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class RestartedAddress {
    @Chaos("echo") static InetSocketAddress echo = new InetSocketAddress("127.0.0.1", 9);
    @FaultAssumption static Fault bounced = Fault.on("echo").container().restart();

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class PeerAddress {
    @Chaos("echo") static InetSocketAddress echo = new InetSocketAddress("127.0.0.1", 9);
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    @FaultAssumption static Fault apart = Fault.on("cache").network().partitionFrom("echo");

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class PeerOnLoopback {
    @Chaos("app") static GenericContainer<?> app = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    @FaultAssumption static Fault apart = Fault.partition("app", "cache");

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  @ChaosTest(proxyHost = ChaosTest.DOCKER_BRIDGE)
  static class UnknownPeer {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    @FaultAssumption static Fault apart = Fault.partition("users", "cache");

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class RestartTmpfs {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379)
        .withTmpFs(Map.of("/data", "rw,size=16m"));
    @FaultAssumption static Fault bounced = Fault.on("cache").container().restart();

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  /** A network primitive needs no container: an address is fine, the backend is what it needs. */
  @TestFixture
  static class PartitionedAddress {
    @Chaos("echo") static InetSocketAddress echo = new InetSocketAddress("127.0.0.1", 9);
    @FaultAssumption static Fault cut = Fault.on("echo").network().partition();

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class OnAnAddress {
    @Chaos("echo") static InetSocketAddress echo = new InetSocketAddress("127.0.0.1", 9);
    @FaultAssumption static Fault killed = Fault.on("echo").container().kill();

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class UnknownImage {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.memcached()).withExposedPorts(11211);
    @FaultAssumption static Fault full = Fault.on("cache").container().diskFull();

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class NoTmpfs {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    @FaultAssumption static Fault full = Fault.on("cache").container().diskFull();

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }
}
