package dev.chaosjunit.proxy.nats;

import static dev.chaosjunit.proxy.nats.NatsSessionTest.HEADERS;
import static dev.chaosjunit.proxy.nats.NatsSessionTest.deliveries;
import static dev.chaosjunit.proxy.nats.NatsSessionTest.hmsg;
import static dev.chaosjunit.proxy.nats.NatsSessionTest.hpub;
import static dev.chaosjunit.proxy.nats.NatsSessionTest.msg;
import static dev.chaosjunit.proxy.nats.NatsSessionTest.pub;
import static dev.chaosjunit.proxy.nats.NatsSessionTest.publishes;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.testkit.FuzzInput;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import dev.chaosjunit.proxy.testkit.SessionFuzzer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The NATS session under any bytes, both ways, with and without a rule that fires on publishes or on
 * deliveries (see {@link SessionFuzzer}). With no rule it relays byte for byte.
 */
class NatsFuzzTest {

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new NatsInspector())
      .ruleSet(publishes("orders.>", Action.Error.of("", "")))
      .ruleSet(publishes("orders.*", new Action.Drop(null)), deliveries(">", new Action.Delay(Duration.ofMillis(5))))
      .ruleSet(publishes("*.created", new Action.Drop(DropMode.CLOSE)), deliveries("orders.>", new Action.Drop(null)));

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    byte[] client = bytes("CONNECT {\"verbose\":true,\"headers\":true}\r\nPING\r\nSUB orders.> 1\r\n"
        + pub("orders.created", "hello") + hpub("orders.eu.created", "_INBOX.1", HEADERS, "world") + "UNSUB 1\r\n");
    byte[] server = bytes("INFO {\"server_id\":\"x\",\"headers\":true,\"max_payload\":1048576}\r\n+OK\r\nPONG\r\n"
        + msg("orders.created", "1", "hello") + hmsg("orders.eu.created", "1", HEADERS, "world")
        + "-ERR 'Unknown Protocol Operation'\r\n");
    SeedCorpus.check(getClass(), "session", Map.of(
        "publish-subscribe", FuzzInput.seed(0).client(client, 11).server(server, 7).bytes(),
        "permissions-violation", FuzzInput.seed(1).client(client).server(server).bytes(),
        "drops-and-delays", FuzzInput.seed(2).client(client, 5).server(server).bytes(),
        "close-and-drop-deliveries", FuzzInput.seed(3).client(client).server(server, 3).bytes()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(ISO_8859_1);
  }
}
