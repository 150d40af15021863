package dev.chaosjunit.proxy;

import static dev.chaosjunit.fault.Direction.DOWNSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Toxic validation, seeded toxicity, counters and events. */
class ToxicModelTest {

  private EchoServer echo;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
  }

  @AfterEach
  void stop() throws IOException {
    echo.close();
  }

  @Test
  void specsAreValidatedWithToxiproxyNames() {
    assertThatThrownBy(() -> ToxicType.of("jitter"))
        .hasMessage("unknown toxic type [jitter]: use one of latency, bandwidth, slow_close, timeout, reset_peer, "
            + "slicer, limit_data");
    assertThatThrownBy(() -> new Toxic("l", ToxicType.LATENCY, DOWNSTREAM, 1, Map.of("delay", 1L)))
        .hasMessage("toxic [l]: unknown attribute [delay] for type [latency]; it has [latency, jitter]");
    assertThatThrownBy(() -> new Toxic("l", ToxicType.LATENCY, DOWNSTREAM, 1, Map.of("latency", -1L)))
        .hasMessage("toxic [l]: attribute [latency] must be >= 0, was [-1]");
    assertThatThrownBy(() -> new Toxic("l", ToxicType.LATENCY, DOWNSTREAM, 1.5, Map.of()))
        .hasMessageContaining("toxicity must be between 0 and 1");
    assertThatThrownBy(() -> Direction.of("sideways"))
        .hasMessage("unknown direction [sideways]: use upstream (requests) or downstream (responses)");
    Toxic spec = Toxic.of(ToxicType.SLICER, Direction.UPSTREAM, Map.of("average_size", 5L));
    assertThat(spec.name()).isEqualTo("slicer_upstream");
    assertThat(spec.attributes()).containsExactly(Map.entry("average_size", 5L), Map.entry("size_variation", 0L),
        Map.entry("delay", 0L));
  }

  @Test
  void proxyRejectsDuplicatesUnknownsAndTypeChanges() {
    try (ProxyEngine engine = ProxyEngine.start()) {
      Proxy proxy = engine.create(ProxySpec.of("p", echo.address()));
      proxy.addToxic(new Toxic("t", ToxicType.LATENCY, DOWNSTREAM, 1, Map.of()));
      assertThatThrownBy(() -> proxy.addToxic(new Toxic("t", ToxicType.LATENCY, DOWNSTREAM, 1, Map.of())))
          .isInstanceOf(NameConflictException.class).hasMessage("proxy [p]: toxic [t] already exists");
      assertThatThrownBy(() -> proxy.updateToxic(new Toxic("t", ToxicType.BANDWIDTH, DOWNSTREAM, 1, Map.of())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its type cannot change");
      assertThatThrownBy(() -> proxy.removeToxic("nope"))
          .isInstanceOf(NoSuchElementException.class).hasMessage("proxy [p]: toxic [nope] not found; it has [t]");
      assertThatThrownBy(() -> proxy.addToxic(new Toxic("s", ToxicType.SLICER, DOWNSTREAM, 1, Map.of())))
          .hasMessageContaining("slicer needs average_size >= 1");
    }
  }

  @Test
  void toxicityIsDrawnPerConnectionFromTheSeed() throws IOException {
    List<Long> first = slowedConnections(99);
    assertThat(slowedConnections(99)).isEqualTo(first);
    assertThat(slowedConnections(100)).isNotEqualTo(first);
    assertThat(first).hasSizeBetween(3, 17);
  }

  private List<Long> slowedConnections(long seed) throws IOException {
    try (ProxyEngine engine = ProxyEngine.start(EngineOptions.defaults().withSeed(seed))) {
      Proxy proxy = engine.create(ProxySpec.of("p", echo.address()));
      proxy.addToxic(new Toxic("half", ToxicType.LATENCY, DOWNSTREAM, 0.5, Map.of("latency", 1L)));
      for (int i = 0; i < 20; i++) {
        try (Socket s = Clients.connect(proxy)) {
          ToxicsTest.timedRoundTrip(s, "x");
        }
      }
      assertThat(proxy.toxicCounters("half").seen()).isEqualTo(20);
      List<Long> slowed = new ArrayList<>();
      engine.events().recent().stream().filter(e -> e instanceof ProxyEvent.FaultFired)
          .forEach(e -> slowed.add(((ProxyEvent.FaultFired) e).connectionId()));
      assertThat(proxy.toxicCounters("half").connections()).isEqualTo(slowed.size());
      return slowed;
    }
  }

  @Test
  void eventsTellFiredFromBypassed() throws Exception {
    try (ProxyEngine engine = ProxyEngine.start()) {
      Proxy proxy = engine.create(ProxySpec.of("p", echo.address()));
      List<ProxyEvent> seen = new ArrayList<>();
      try (AutoCloseable subscription = engine.events().subscribe(e -> {
        synchronized (seen) {
          seen.add(e);
        }
      })) {
        proxy.addToxic(new Toxic("up", ToxicType.LATENCY, Direction.UPSTREAM, 1, Map.of()));
        proxy.addToxic(new Toxic("never", ToxicType.LATENCY, DOWNSTREAM, 0, Map.of()));
        try (Socket s = Clients.connect(proxy)) {
          ToxicsTest.timedRoundTrip(s, "one");
          ToxicsTest.timedRoundTrip(s, "two");
        }
        waitFor(() -> proxy.stats().connectionsActive() == 0);
        proxy.removeToxic("up");
      }
      assertThat(proxy.toxicCounters("up")).isEqualTo(new FaultCounters(2, 2, 1));
      assertThat(proxy.toxicCounters("never")).isEqualTo(new FaultCounters(2, 0, 0));
      synchronized (seen) {
        assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("FaultAdded", "FaultAdded",
            "ConnectionOpened", "FaultFired", "ConnectionClosed", "FaultRemoved");
        assertThat(seen.get(4)).isInstanceOfSatisfying(ProxyEvent.ConnectionClosed.class, c -> {
          assertThat(c.bytesUpstream()).isEqualTo(6);
          assertThat(c.bytesDownstream()).isEqualTo(6);
        });
      }
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(10);
    }
  }
}
