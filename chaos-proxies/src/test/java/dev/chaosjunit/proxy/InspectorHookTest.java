package dev.chaosjunit.proxy;

import static dev.chaosjunit.proxy.Clients.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectorHookTest {

  private EchoServer echo;
  private ProxyEngine engine;
  private Proxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(7));
    proxy = engine.create(ProxySpec.of("lines", echo.address()).withProtocol("line"));
  }

  @AfterEach
  void stop() throws IOException {
    engine.close();
    echo.close();
  }

  static Rule rule(String name, String command, Action action, double p, long after, long times) {
    return new Rule(name, "", Direction.UPSTREAM, Map.of("command", command), action, p, after, times);
  }

  static Action error(String message) {
    return Action.Error.of("", message);
  }

  @Test
  void errorRuleAnswersInsteadOfTheServerOnALiveConnection() throws IOException {
    try (Socket s = Clients.connect(proxy)) {
      BufferedReader in = reader(s);
      assertThat(roundTrip(s, in, "SET a 1")).isEqualTo("SET a 1");
      proxy.addRule(rule("ro", "set", error("READONLY"), 1, 0, 0));
      assertThat(roundTrip(s, in, "SET a 2")).isEqualTo("-ERR READONLY");
      assertThat(roundTrip(s, in, "GET a")).isEqualTo("GET a");
      proxy.removeRule("ro");
      assertThat(roundTrip(s, in, "SET a 3")).isEqualTo("SET a 3");
    }
    assertThat(proxy.ruleCounters("ro")).isEqualTo(new FaultCounters(1, 1, 1));
    assertThat(engine.events().recent()).filteredOn(e -> e instanceof ProxyEvent.FaultFired).singleElement()
        .satisfies(e -> assertThat(((ProxyEvent.FaultFired) e).matched()).isEqualTo("command=SET line=SET a 2"));
  }

  @Test
  void refusesAnUnnamedRuleAndARuleOfAnotherProtocol() {
    assertThatThrownBy(() -> proxy.addRule(rule("", "set", error("READONLY"), 1, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("proxy [lines]: a rule needs a name (Rule.named)");
    Rule redis = new Rule("ro", "redis", Direction.UPSTREAM, Map.of("command", "SET"), error("READONLY"), 1, 0, 0);
    assertThatThrownBy(() -> proxy.addRule(redis)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("proxy [lines] speaks [line], so it cannot take [redis] rule [ro]: write the rule for line");
    assertThat(proxy.rules()).isEmpty();
  }

  @Test
  void namesTheRuleInTheEventsOfItsAdditionAndFiring() throws IOException {
    proxy.addRule(rule("diskFull", "set", error("READONLY"), 1, 0, 0));
    try (Socket s = Clients.connect(proxy)) {
      assertThat(roundTrip(s, reader(s), "SET a 2")).isEqualTo("-ERR READONLY");
    }
    assertThat(engine.events().recent()).filteredOn(e -> e instanceof ProxyEvent.FaultAdded).singleElement()
        .satisfies(e -> assertThat((ProxyEvent.FaultAdded) e).extracting(ProxyEvent.FaultAdded::name,
            ProxyEvent.FaultAdded::description).containsExactly("diskFull", "upstream {command=set} -> error \"READONLY\""));
    assertThat(engine.events().recent()).filteredOn(e -> e instanceof ProxyEvent.FaultFired).singleElement()
        .satisfies(e -> assertThat((ProxyEvent.FaultFired) e).extracting(ProxyEvent.FaultFired::name,
            ProxyEvent.FaultFired::action).containsExactly("diskFull", "error"));
  }

  @Test
  void resetRemovesRulesAndToxics() {
    proxy.addRule(rule("ro", "SET", error("x"), 1, 0, 0));
    proxy.addToxic(Toxic.of(ToxicType.LATENCY, Direction.DOWNSTREAM, Map.of("latency", 10L)).named("slow"));
    engine.reset();
    assertThat(proxy.rules()).isEmpty();
    assertThat(proxy.toxics()).isEmpty();
    assertThat(engine.events().recent()).filteredOn(e -> e instanceof ProxyEvent.FaultRemoved)
        .extracting(e -> ((ProxyEvent.FaultRemoved) e).name()).containsExactly("slow", "ro");
  }

  @Test
  void afterAndTimesLimitFirings() throws IOException {
    proxy.addRule(rule("second-and-third", "GET", error("x"), 1, 1, 2));
    try (Socket s = Clients.connect(proxy)) {
      BufferedReader in = reader(s);
      List<String> replies = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        replies.add(roundTrip(s, in, "GET " + i));
      }
      assertThat(replies).containsExactly("GET 0", "-ERR x", "-ERR x", "GET 3", "GET 4");
    }
    assertThat(proxy.ruleCounters("second-and-third").fired()).isEqualTo(2);
  }

  @Test
  void aRuleCountsEachConnectionItFiredOnOnce() throws IOException {
    proxy.addRule(rule("ro", "SET", error("READONLY"), 1, 0, 0));
    for (int connection = 0; connection < 3; connection++) {
      try (Socket s = Clients.connect(proxy)) {
        BufferedReader in = reader(s);
        assertThat(roundTrip(s, in, "SET a 1")).isEqualTo("-ERR READONLY");
        assertThat(roundTrip(s, in, "SET a 2")).isEqualTo("-ERR READONLY");
        assertThat(roundTrip(s, in, "GET a")).isEqualTo("GET a");
      }
    }
    try (Socket s = Clients.connect(proxy)) {
      assertThat(roundTrip(s, reader(s), "GET a")).as("a connection it only saw").isEqualTo("GET a");
    }
    assertThat(proxy.ruleCounters("ro")).isEqualTo(new FaultCounters(6, 6, 3));
  }

  @Test
  void delayedLinesHoldBackLaterOnesInOrder() throws IOException {
    proxy.addRule(rule("slow", "SLOW", new Action.Delay(Duration.ofMillis(300)), 1, 0, 0));
    try (Socket s = Clients.connect(proxy)) {
      BufferedReader in = reader(s);
      long start = System.nanoTime();
      s.getOutputStream().write(ascii("SLOW 1\nFAST 2\n"));
      assertThat(in.readLine()).isEqualTo("SLOW 1");
      assertThat(in.readLine()).isEqualTo("FAST 2");
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(280L, 2000L);
    }
  }

  @Test
  void dropClosesTheConnection() throws IOException {
    proxy.addRule(rule("quit", "QUIT", new Action.Drop(null), 1, 0, 0));
    try (Socket s = Clients.connect(proxy)) {
      BufferedReader in = reader(s);
      assertThat(roundTrip(s, in, "PING")).isEqualTo("PING");
      s.getOutputStream().write(ascii("QUIT\n"));
      assertThat(RelayTest.readOrReset(s.getInputStream())).isEqualTo(-1);
    }
  }

  @Test
  void anInspectorThatThrowsResetsItsConnectionRatherThanRelayingACorruptStream() throws IOException {
    try (Socket s = Clients.connect(proxy)) {
      BufferedReader in = reader(s);
      assertThat(roundTrip(s, in, "PING")).isEqualTo("PING");
      s.getOutputStream().write(ascii("CRASH\nPING\n"));
      assertThat(RelayTest.readOrReset(s.getInputStream())).isEqualTo(-1);
    }
    try (Socket s = Clients.connect(proxy)) {
      assertThat(roundTrip(s, reader(s), "PING")).as("other connections go on").isEqualTo("PING");
    }
  }

  @Test
  void seededProbabilityReplaysTheSameDecisions() throws IOException {
    List<String> first = run(11);
    assertThat(run(11)).isEqualTo(first);
    assertThat(run(12)).isNotEqualTo(first);
    assertThat(first).contains("-ERR", "GET").hasSize(100);
  }

  private List<String> run(long seed) throws IOException {
    try (ProxyEngine e = ProxyEngine.start(EngineOptions.defaults().withSeed(seed))) {
      Proxy p = e.create(ProxySpec.of("lines", echo.address()).withProtocol("line"));
      p.addRule(rule("coin", "GET", error("coin"), 0.5, 0, 0));
      List<String> replies = new ArrayList<>();
      try (Socket s = Clients.connect(p)) {
        BufferedReader in = reader(s);
        for (int i = 0; i < 100; i++) {
          replies.add(roundTrip(s, in, "GET").split(" ")[0]);
        }
      }
      return replies;
    }
  }

  @Test
  void rulesAreValidatedByTheInspector() {
    assertThatThrownBy(() -> proxy.addRule(new Rule("bad", "", Direction.UPSTREAM, Map.of("topic", "x"),
        error("x"), 1, 0, 0))).hasMessageContaining("unknown match key [topic]");
    Proxy plain = engine.create(ProxySpec.of("plain", echo.address()));
    assertThatThrownBy(() -> plain.addRule(rule("r", "GET", error("x"), 1, 0, 0)))
        .hasMessageContaining("proxy [plain] has no protocol");
  }

  private static BufferedReader reader(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
  }

  private static String roundTrip(Socket s, BufferedReader in, String line) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(ascii(line + "\n"));
    return in.readLine();
  }
}
