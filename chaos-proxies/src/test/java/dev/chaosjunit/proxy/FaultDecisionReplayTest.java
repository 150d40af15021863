package dev.chaosjunit.proxy;

import static dev.chaosjunit.proxy.Clients.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fault's random decisions (rule probability, toxicity, jitter) derive from the seed it was added under,
 * its name and an ordinal that starts with it: traffic, connections and faults before it change nothing.
 */
class FaultDecisionReplayTest {

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
  void decisionsUnderASeedDoNotDependOnWhatRanBefore() throws Exception {
    List<String> fresh = decisions(0);
    assertThat(decisions(7)).isEqualTo(fresh);
    assertThat(fresh).anyMatch(d -> d.startsWith("RULE coin probability"))
        .anyMatch(d -> d.startsWith("TOXIC half toxicity")).anyMatch(d -> d.startsWith("TOXIC shaky jitter"));
  }

  @Test
  void anotherSeedDrawsOtherDecisions() throws Exception {
    assertThat(decisions(0, 42)).isNotEqualTo(decisions(0, 43));
  }

  private List<String> decisions(int historyConnections) throws Exception {
    return decisions(historyConnections, 42);
  }

  /** Runs {@code history} connections of traffic under other faults, then the faults under {@code seed}. */
  private List<String> decisions(int history, long seed) throws Exception {
    try (ProxyEngine engine = ProxyEngine.start(EngineOptions.defaults().withSeed(1))) {
      Proxy proxy = engine.create(ProxySpec.of("lines", echo.address()).withProtocol("line"));
      proxy.addRule(coin());
      proxy.addToxic(Toxic.of(ToxicType.LATENCY, Direction.DOWNSTREAM, Map.of("latency", 0L)).named("half")
          .withToxicity(0.5));
      for (int i = 0; i < history; i++) {
        traffic(proxy, 5 + i);
      }
      engine.reset(seed);
      List<String> drawn = new CopyOnWriteArrayList<>();
      try (AutoCloseable subscription = engine.events().subscribe(e -> {
        if (e instanceof ProxyEvent.FaultDrew d) {
          drawn.add(d.kind() + " " + d.name() + " " + d.draw() + " #" + d.ordinal() + " = " + d.value());
        }
      })) {
        proxy.addRule(coin());
        proxy.addToxic(Toxic.of(ToxicType.LATENCY, Direction.DOWNSTREAM, Map.of("latency", 0L)).named("half")
            .withToxicity(0.5));
        proxy.addToxic(Toxic.of(ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 5L, "jitter", 5L))
            .named("shaky"));
        for (int i = 0; i < 6; i++) {
          traffic(proxy, 10);
        }
      }
      return List.copyOf(drawn);
    }
  }

  private static Rule coin() {
    return new Rule("coin", "", Direction.UPSTREAM, Map.of("command", "GET"), Action.Error.of("", "coin"), 0.3, 0, 0);
  }

  /** One connection, {@code lines} sequential round trips. */
  private static void traffic(Proxy proxy, int lines) throws IOException {
    try (Socket s = Clients.connect(proxy)) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      for (int i = 0; i < lines; i++) {
        s.getOutputStream().write(ascii("GET k" + i + "\n"));
        assertThat(in.readLine()).isNotNull();
      }
    }
  }
}
