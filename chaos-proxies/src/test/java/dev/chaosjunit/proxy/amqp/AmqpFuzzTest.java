package dev.chaosjunit.proxy.amqp;

import static dev.chaosjunit.proxy.amqp.AmqpSessionTest.deliveries;
import static dev.chaosjunit.proxy.amqp.AmqpSessionTest.publishes;
import static dev.chaosjunit.proxy.amqp.Wire.HEADER;
import static dev.chaosjunit.proxy.amqp.Wire.ack;
import static dev.chaosjunit.proxy.amqp.Wire.channelOpen;
import static dev.chaosjunit.proxy.amqp.Wire.confirmSelect;
import static dev.chaosjunit.proxy.amqp.Wire.consume;
import static dev.chaosjunit.proxy.amqp.Wire.consumeOk;
import static dev.chaosjunit.proxy.amqp.Wire.content;
import static dev.chaosjunit.proxy.amqp.Wire.deliver;
import static dev.chaosjunit.proxy.amqp.Wire.heartbeat;
import static dev.chaosjunit.proxy.amqp.Wire.publish;
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
 * The AMQP 0-9-1 session under any bytes, both ways, with and without a rule that fires on publishes or on
 * deliveries (see {@link SessionFuzzer}). With no rule it relays byte for byte.
 */
class AmqpFuzzTest {

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new AmqpInspector())
      .ruleSet(publishes(Map.of("exchange", "*"), Action.Error.of("404", "NOT_FOUND - no exchange")))
      .ruleSet(publishes(Map.of("routing_key", "order.*"), new Action.Delay(Duration.ofMillis(5))),
          deliveries(Map.of("exchange", "*"), Action.Error.of("404", "")))
      .ruleSet(publishes(Map.of("exchange", "orders"), new Action.Drop(DropMode.CLOSE)),
          deliveries(Map.of("routing_key", "*"), new Action.Drop(DropMode.RESET)));

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    byte[] requests = bytes(HEADER + channelOpen(1) + publish(1, "orders", "order.created") + content(1, "hello world", 4)
        + heartbeat() + publish(2, "", "q") + content(2, "", 4) + consume(1, "orders", "", false));
    byte[] replies = bytes(consumeOk(1, "amq.ctag-1") + deliver(1, "amq.ctag-1", 1, "orders", "order.created")
        + content(1, "hello world", 3) + heartbeat());
    byte[] confirms = bytes(HEADER + channelOpen(1) + confirmSelect(1) + publish(1, "orders", "order.created")
        + content(1, "a", 4) + publish(1, "orders", "order.paid") + content(1, "b", 4));
    byte[] acks = bytes(ack(1, 1, false) + ack(1, 2, false));
    SeedCorpus.check(getClass(), "session", Map.of(
        "publish-consume", FuzzInput.seed(0).client(requests, 13).server(replies, 7).bytes(),
        "publish-not-found", FuzzInput.seed(1).client(requests).server(replies).bytes(),
        "deliver-not-found", FuzzInput.seed(2).client(requests).server(replies).bytes(),
        "publish-drop", FuzzInput.seed(3).client(requests).server(replies).bytes(),
        "confirms", FuzzInput.seed(0).client(confirms).server(acks, 5).bytes(),
        "confirms-not-found", FuzzInput.seed(1).client(confirms, 9).server(acks).bytes()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(ISO_8859_1);
  }
}
