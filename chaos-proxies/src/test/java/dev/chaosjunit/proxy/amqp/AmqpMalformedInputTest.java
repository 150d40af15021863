package dev.chaosjunit.proxy.amqp;

import static dev.chaosjunit.proxy.amqp.Wire.HEADER;
import static dev.chaosjunit.proxy.amqp.Wire.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmqpMalformedInputTest {

  private final AmqpInspector inspector = new AmqpInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("mq", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void close() {
    session.onClose();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 3, 4096})
  void anotherProtocolHeaderDegradesToPassThrough(int size) {
    String amqp10 = "AMQP\0\u0001\0\0" + "rest of it";
    port.client(session, amqp10, size);
    assertThat(port.passThroughReason()).isEqualTo("client sent bytes that are not AMQP 0-9-1:"
        + " the client did not open with the AMQP 0-9-1 protocol header");
    assertThat(port.sentToServer()).isEqualTo(amqp10);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "\u0005\0\u0001\0\0\0\0\u00ce",                       // frame type 5
      "\u0001\0\u0001\0\0\0\u0004\0\u003c\0\u0028\u00cd",   // frame-end 0xCD
      "\u0001\0\u0001\u00ff\u00ff\u00ff\u00ff",             // 4 GiB frame
      "\u0001\0\u0001\0\0\0\u0002\0\u003c\u00ce",           // method frame without a method id
      "\u0001\0\u0001\0\0\0\u0008\0\u003c\0\u0028\0\0\u0009x\u00ce" // exchange name longer than the frame
  })
  void badFramesDegradeToPassThroughAndForwardEverything(String bad) {
    String traffic = HEADER + publish(1, "e", "k") + bad + "trailing";
    port.client(session, traffic, 1);
    assertThat(port.passThroughReason()).startsWith("client sent bytes that are not AMQP 0-9-1: ");
    assertThat(port.sentToServer()).isEqualTo(traffic);
    assertThat(port.requestFacts()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\u0009\0\0\0\0\0\0\u00ce", "\u0002\0\u0001\0\0\0\u0001\0\u00ce"})
  void badServerFramesDegradeToPassThrough(String bad) {
    port.client(session, HEADER, 4096);
    port.rule(AmqpSessionTest.deliveries(java.util.Map.of(), new dev.chaosjunit.fault.Action.Drop(null)));
    port.server(session, Wire.deliver(1, "t", 1, "e", "k") + bad, 1);
    assertThat(port.passThroughReason()).startsWith("server sent bytes that are not AMQP 0-9-1: ");
  }
}
