package dev.chaosjunit.proxy.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemcachedMalformedInputTest {

  private final MemcachedInspector inspector = new MemcachedInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("cache", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void close() {
    session.onClose();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      set k 0 0\\r\\n                 | set has 3 arguments instead of 4 to 5
      set k 0 0 1 noreply x\\r\\n     | set has 6 arguments instead of 4 to 5
      set k 0 0 x\\r\\n               | set has a data size [x] is not a number
      set k 0 0 -1\\r\\n              | set has a data size [-1] is not a number
      set k 0 0 1073741825\\r\\n      | set has a data size [1073741825] is not a size of 0..1073741824
      cas k 0 0 1\\r\\n               | cas has 4 arguments instead of 5 to 6
      get\\r\\n                       | get names no key
      gat 10\\r\\n                    | gat names no key
      incr k\\r\\n                    | incr has 1 arguments instead of 2 to 3
      ms k\\r\\n                      | ms has 1 arguments instead of at least 2
      ms k big\\r\\n                  | ms has a data size [big] is not a number
      set k 0 0 2\\r\\nabc\\r\\n      | set has no CRLF after its data block of the announced size
      """)
  void badCommandsDegradeToPassThroughAndForwardEverything(String bad, String reason) {
    port.rule(MemcachedSessionTest.rule(null, "k", MemcachedSessionTest.OUT_OF_MEMORY));
    String traffic = "get a\r\n" + bad.replace("\\r\\n", "\r\n") + "trailing";
    port.client(session, traffic, 4096);
    assertThat(port.passThroughReason()).isEqualTo("client sent bytes that are not memcached's text protocol: " + reason);
    assertThat(port.sentToServer()).isEqualTo(traffic);
  }

  @Test
  void theBinaryProtocolIsRelayedUninspectedFromItsFirstByte() {
    byte[] getRequest = {(byte) 0x80, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'k'};
    port.rule(MemcachedSessionTest.rule(null, "k", MemcachedSessionTest.OUT_OF_MEMORY));
    port.client(session, new byte[] {getRequest[0]}, 1);
    assertThat(port.passThroughReason())
        .isEqualTo("client sent bytes that are not memcached's text protocol: the binary protocol (deprecated upstream) is relayed uninspected");
    port.client(session, java.util.Arrays.copyOfRange(getRequest, 1, getRequest.length), 4096);
    assertThat(port.takeServerBytes()).isEqualTo(getRequest);
  }

  @Test
  void aLineWithoutEndIsRefusedAtItsLimit() {
    port.client(session, "get " + "k".repeat(MemcachedCommand.MAX_LINE), 65536);
    assertThat(port.passThroughReason())
        .isEqualTo("client sent bytes that are not memcached's text protocol: a command line longer than 1048576 bytes");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      VALUE k 0\\r\\n               | [VALUE] is not a memcached reply
      VALUE k 0 x\\r\\n             | VALUE has a size [x] is not a number
      VA\\r\\n                      | [VA] is not a memcached reply
      VERY\\r\\n                    | [VERY] is not a memcached reply
      """)
  void badRepliesDegradeToPassThroughAndForwardEverything(String bad, String reason) {
    String traffic = "STORED\r\n" + bad.replace("\\r\\n", "\r\n") + "trailing";
    port.server(session, traffic, 4096);
    assertThat(port.passThroughReason()).isEqualTo("server sent bytes that are not memcached's text protocol: " + reason);
    assertThat(port.sentToClient()).isEqualTo(traffic);
  }
}
