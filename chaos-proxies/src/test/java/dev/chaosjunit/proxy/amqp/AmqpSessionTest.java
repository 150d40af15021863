package dev.chaosjunit.proxy.amqp;

import static dev.chaosjunit.proxy.amqp.Wire.HEADER;
import static dev.chaosjunit.proxy.amqp.Wire.ack;
import static dev.chaosjunit.proxy.amqp.Wire.confirmSelect;
import static dev.chaosjunit.proxy.amqp.Wire.nack;
import static dev.chaosjunit.proxy.amqp.Wire.channelOpen;
import static dev.chaosjunit.proxy.amqp.Wire.close;
import static dev.chaosjunit.proxy.amqp.Wire.closeOk;
import static dev.chaosjunit.proxy.amqp.Wire.consume;
import static dev.chaosjunit.proxy.amqp.Wire.consumeOk;
import static dev.chaosjunit.proxy.amqp.Wire.content;
import static dev.chaosjunit.proxy.amqp.Wire.deliver;
import static dev.chaosjunit.proxy.amqp.Wire.heartbeat;
import static dev.chaosjunit.proxy.amqp.Wire.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmqpSessionTest {

  private final AmqpInspector inspector = new AmqpInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("mq", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void closeSession() {
    session.onClose();
  }

  static Rule publishes(Map<String, String> match, Action action) {
    return new Rule("publishes", "", Direction.UPSTREAM, match, action, 1, 0, 0);
  }

  static Rule deliveries(Map<String, String> match, Action action) {
    return new Rule("deliveries", "", Direction.DOWNSTREAM, match, action, 1, 0, 0);
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 2, 7, 4096})
  void relaysUnmatchedTrafficByteForByteAndMatchesEveryPublish(int size) {
    port.rule(publishes(Map.of("exchange", "audit"), Action.Error.of("404", "")));
    String requests = HEADER + channelOpen(1) + publish(1, "orders", "order.created") + content(1, "hello world", 4)
        + heartbeat() + publish(2, "", "q") + content(2, "", 4) + consume(1, "orders", "", false);
    String replies = consumeOk(1, "amq.ctag-1") + deliver(1, "amq.ctag-1", 1, "orders", "order.created")
        + content(1, "hello world", 3) + heartbeat();
    port.client(session, requests, size);
    port.server(session, replies, size);
    assertThat(port.sentToServer()).isEqualTo(requests);
    assertThat(port.sentToClient()).isEqualTo(replies);
    assertThat(port.requestFacts()).extracting(f -> f.get("exchange"), f -> f.get("routing_key"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("orders"), List.of("order.created")),
            org.assertj.core.groups.Tuple.tuple(List.of(""), List.of("q")));
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 5, 4096})
  void channelCloseReachesTheClientAndTheBrokerClosesItsSideUnseen(int size) {
    port.rule(publishes(Map.of("exchange", "orders", "routing_key", "order.*"),
        Action.Error.of("404", "NOT_FOUND - no exchange 'orders' in vhost '/'")));
    port.client(session, HEADER + publish(1, "orders", "order.new") + content(1, "body-of-the-order", 5)
        + publish(2, "orders", "other.new") + content(2, "kept", 5) + publish(1, "orders", "late") + content(1, "x", 5),
        size);
    assertThat(port.sentToClient()).isEqualTo(close(1, 404, "NOT_FOUND - no exchange 'orders' in vhost '/'", 60, 40));
    assertThat(port.sentToServer()).isEqualTo(HEADER + close(1, 200, "closed by chaos-junit's proxy", 0, 0)
        + publish(2, "orders", "other.new") + content(2, "kept", 5));
    port.takeServerBytes();
    port.takeClientBytes();
    port.server(session, deliver(1, "t", 7, "orders", "x") + content(1, "in flight", 4) + closeOk(1)
        + deliver(2, "t2", 1, "orders", "other.new"), size);
    port.client(session, closeOk(1) + channelOpen(1) + publish(1, "orders", "again.new"), size);
    assertThat(port.sentToClient()).isEqualTo(deliver(2, "t2", 1, "orders", "other.new"));
    assertThat(port.sentToServer()).isEqualTo(channelOpen(1) + publish(1, "orders", "again.new"));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void connectionCloseEndsTheConnectionOnTheClientsCloseOk(int size) {
    port.rule(publishes(Map.of("routing_key", "#"), Action.Error.of("320", "")));
    port.client(session, HEADER + publish(3, "x", "a.b") + content(3, "body", 2) + publish(1, "y", "c"), size);
    assertThat(port.sentToClient()).isEqualTo(close(0, 320, "CONNECTION_FORCED - injected by chaos-junit", 60, 40));
    assertThat(port.sentToServer()).isEqualTo(HEADER + close(0, 200, "closed by chaos-junit's proxy", 0, 0));
    port.server(session, deliver(1, "t", 1, "x", "y") + closeOk(0), size);
    assertThat(port.closedHow()).isNull();
    port.client(session, closeOk(0), size);
    assertThat(port.closedHow()).isEqualTo("close");
    assertThat(port.sentToClient()).isEqualTo(close(0, 320, "CONNECTION_FORCED - injected by chaos-junit", 60, 40));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 3, 4096})
  void droppedDeliveryLeavesWithAllItsContentFramesAndTheQueueComesFromTheConsumerTag(int size) {
    port.rule(deliveries(Map.of("queue", "orders"), new Action.Drop(null)));
    port.client(session, HEADER + consume(1, "orders", "", false) + consume(1, "audit", "mine", true), size);
    String kept = deliver(1, "mine", 2, "ex", "order.created") + content(1, "audit copy", 4);
    port.server(session, consumeOk(1, "amq.ctag-9") + deliver(1, "amq.ctag-9", 1, "ex", "order.created")
        + content(1, "the order body", 4) + heartbeat() + kept, size);
    assertThat(port.sentToClient()).isEqualTo(consumeOk(1, "amq.ctag-9") + heartbeat() + kept);
    assertThat(port.closedHow()).isNull();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void droppedPublishNeverReachesTheBroker(int size) {
    port.rule(publishes(Map.of("exchange", "orders"), new Action.Drop(null)));
    port.client(session, HEADER + publish(1, "orders", "k") + content(1, "", 4) + publish(1, "other", "k")
        + content(1, "yes", 4), size);
    assertThat(port.sentToServer()).isEqualTo(HEADER + publish(1, "other", "k") + content(1, "yes", 4));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void delayHoldsThePublishAndWhatFollowsBack(int size) {
    port.rule(publishes(Map.of("exchange", "orders"), new Action.Delay(Duration.ofMillis(300))));
    port.client(session, HEADER + publish(1, "orders", "k") + content(1, "abc", 4), size);
    assertThat(port.sentToServer()).isEqualTo(HEADER + publish(1, "orders", "k") + content(1, "abc", 4));
    assertThat(port.events().get(port.events().indexOf("delay:300") + 1)).isEqualTo("server:" + publish(1, "orders", "k"));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 6, 4096})
  void aNackedPublishReachesTheBrokerAndItsAckBecomesANackSplittingAMultipleAck(int size) {
    port.rule(publishes(Map.of("exchange", "orders"), new Action.Respond(Map.of("confirm", "nack"))));
    String publishes = HEADER + publish(1, "audit", "x") + confirmSelect(1) + publish(1, "orders", "a") + content(1, "1", 4)
        + publish(1, "other", "b") + content(1, "2", 4) + publish(1, "orders", "c") + content(1, "3", 4)
        + publish(1, "other", "d") + content(1, "4", 4) + publish(2, "orders", "e");
    port.client(session, publishes, size);
    port.server(session, ack(1, 2, true) + ack(2, 1, false) + ack(1, 4, true), size);
    assertThat(port.sentToServer()).isEqualTo(publishes);
    assertThat(port.sentToClient()).isEqualTo(nack(1, 1) + ack(1, 2, true) + ack(2, 1, false) + nack(1, 3) + ack(1, 4, true));
  }

  @Test
  void aMultipleAckOfNackedPublishesAloneBecomesNacks() {
    port.rule(publishes(Map.of(), new Action.Respond(Map.of("confirm", "nack"))));
    port.client(session, HEADER + confirmSelect(1) + publish(1, "e", "a") + publish(1, "e", "b"), 4096);
    port.server(session, ack(1, 1, false) + ack(1, 2, true), 4096);
    assertThat(port.sentToClient()).isEqualTo(nack(1, 1) + nack(1, 2));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void theBrokersConfirmsAreRenumberedAroundADroppedPublishWhichIsNacked(int size) {
    port.rule(publishes(Map.of("exchange", "lost"), new Action.Drop(null)));
    port.client(session, HEADER + confirmSelect(1) + publish(1, "e", "a") + publish(1, "lost", "b") + content(1, "x", 4)
        + publish(1, "e", "c") + publish(1, "e", "d") + publish(1, "lost", "e") + publish(1, "e", "f"), size);
    port.server(session, ack(1, 1, true) + ack(1, 2, false) + nack(1, 3) + ack(1, 4, true), size);
    assertThat(port.sentToClient()).as("broker 2 is client 3, broker 3 is 4, broker 4 is 6; 2 and 5 were dropped")
        .isEqualTo(ack(1, 1, true) + nack(1, 2) + ack(1, 3, false) + nack(1, 4) + nack(1, 5) + ack(1, 6, true));
  }

  @Test
  void dropWithAModeEndsTheConnection() {
    port.rule(deliveries(Map.of("routing_key", "order.#"), new Action.Drop(DropMode.RESET)));
    port.client(session, HEADER, 4096);
    port.server(session, deliver(1, "t", 1, "ex", "order") + content(1, "b", 4), 4096);
    assertThat(port.closedHow()).isEqualTo("reset");
    assertThat(port.sentToClient()).isEmpty();
  }

  @Test
  void theClientsOwnCloseOnAChannelTheProxyClosedIsAnswered() {
    port.rule(publishes(Map.of(), Action.Error.of("406", "PRECONDITION_FAILED - x")));
    port.client(session, HEADER + publish(1, "e", "k") + close(1, 200, "bye", 0, 0), 4096);
    assertThat(port.sentToClient()).isEqualTo(close(1, 406, "PRECONDITION_FAILED - x", 60, 40) + closeOk(1));
  }
}
