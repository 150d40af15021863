package dev.chaosjunit.proxy;

import static dev.chaosjunit.proxy.Clients.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Proxy#faultResidue()}: what a removed fault leaves on a live connection, and that reverting leaves nothing. */
class FaultResidueTest {

  private static final Toxic LIMIT = Toxic.of(ToxicType.LIMIT_DATA, Direction.DOWNSTREAM, Map.of("bytes", 8L));

  private EchoServer echo;
  private ProxyEngine engine;
  private Proxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(5));
    proxy = engine.create(ProxySpec.of("lines", echo.address()).withProtocol("line"));
  }

  @AfterEach
  void stop() throws IOException {
    engine.close();
    echo.close();
  }

  @Test
  void aToxicAddedAgainUnderItsNameStartsAfreshOnALiveConnection() throws IOException {
    try (Socket s = Clients.connect(proxy)) {
      BufferedReader in = reader(s);
      proxy.addToxic(LIMIT);
      assertThat(roundTrip(s, in, "1234")).isEqualTo("1234");
      proxy.removeToxic(LIMIT.name());
      assertThat(proxy.faultResidue()).isEmpty();

      proxy.addToxic(LIMIT);
      assertThat(roundTrip(s, in, "5678")).as("5 more bytes under a fresh 8-byte limit").isEqualTo("5678");
    }
  }

  @Test
  void removingTheRuleThatBlackholedAConnectionClosesIt() throws IOException, InterruptedException {
    try (Socket s = Clients.connect(proxy)) {
      BufferedReader in = reader(s);
      proxy.addRule(rule("swallow", "HOLD", new Action.Drop(DropMode.BLACKHOLE)));
      assertThat(roundTrip(s, in, "PING")).isEqualTo("PING");
      s.getOutputStream().write(ascii("HOLD\n"));
      awaitFiring("swallow");
      assertThat(proxy.faultResidue()).containsExactly("connection 1: blackholed by a drop rule (what it sends is"
          + " swallowed)");

      proxy.removeRule("swallow");
      assertThat(in.readLine()).as("the end of the stream").isNull();
      assertThat(proxy.faultResidue()).isEmpty();
    }
  }

  @Test
  void namesAWriteThatARemovedRuleStillDelays() throws IOException, InterruptedException {
    try (Socket s = Clients.connect(proxy)) {
      proxy.addRule(rule("slow", "SLOW", new Action.Delay(Duration.ofSeconds(30))));
      s.getOutputStream().write(ascii("SLOW\n"));
      awaitFiring("slow");
      proxy.removeRule("slow");

      assertThat(proxy.faultResidue()).containsExactly("connection 1: upstream: a write a rule delayed is still"
          + " waiting");
    }
  }

  /** Waits until the rule fired once: the proxy read the line and acted. */
  private void awaitFiring(String rule) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (proxy.ruleCounters(rule).fired() == 0) {
      assertThat(System.nanoTime()).as("rule [" + rule + "] fired within 5 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static Rule rule(String name, String command, Action action) {
    return new Rule(name, "", Direction.UPSTREAM, Map.of("command", command), action, 1, 0, 0);
  }

  private static BufferedReader reader(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
  }

  private static String roundTrip(Socket s, BufferedReader in, String line) throws IOException {
    s.getOutputStream().write(ascii(line + "\n"));
    return in.readLine();
  }
}
