package dev.chaosjunit.proxy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Drives an inspector session with a {@link FuzzInput} the way the engine does, and checks what must hold
 * for any bytes whatsoever:
 *
 * <ul>
 *   <li>nothing escapes the session: a decode failure makes it give up decoding and relay plain bytes
 *       ({@code FramedSession} turns the protocol's decode exception into that), never throw, because the
 *       engine resets a connection whose session threw and logs an inspector bug;
 *   <li>every buffer is released once the connection closed: all the buffers the session got and allocated
 *       (checked at once), and whatever else Netty's paranoid leak detector reports;
 *   <li>with no rule, the session never ends the connection and relays exactly the bytes it received, each
 *       way, but for the start of a message it still waits for the rest of ({@link RelayCheck}: byte for byte,
 *       or a protocol's documented exceptions);
 *   <li>no hang: each input is done within {@link Deadline#LIMIT}.
 * </ul>
 *
 * Once the session gave up decoding, or ended the connection, the engine stops calling it: so does this.
 */
public final class SessionFuzzer {

  private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();
  private static final int INPUTS_PER_COLLECTION = 4096;
  /** Why the session of the last input gave up decoding, or null (inputs run one at a time): for {@link CapturedSeeds}. */
  private static volatile String gaveUp;

  private final ProtocolInspector inspector;
  private final Supplier<InspectorSession> opener;
  private final List<List<Rule>> ruleSets = new ArrayList<>();
  private RelayCheck relayCheck = RelayCheck.BYTE_FOR_BYTE;
  private long inputs;

  private SessionFuzzer(ProtocolInspector inspector, Supplier<InspectorSession> opener) {
    this.inspector = inspector;
    this.opener = opener;
  }

  /** Fuzzes the sessions {@code inspector} opens. */
  public static SessionFuzzer of(ProtocolInspector inspector) {
    return new SessionFuzzer(inspector, () -> inspector.open(new ConnectionInfo("fuzz", 1, null, null)));
  }

  /** Fuzzes the sessions {@code opener} opens, whose rules {@code inspector} validates. */
  public static SessionFuzzer of(ProtocolInspector inspector, Supplier<InspectorSession> opener) {
    return new SessionFuzzer(inspector, opener);
  }

  /** Adds a rule set an input may pick (see {@link FuzzInput}); each rule is validated by the inspector. */
  public SessionFuzzer ruleSet(Rule... rules) {
    ruleSets.add(List.of(rules));
    return this;
  }

  /** What "relays exactly the bytes it received" means for this protocol; byte for byte by default. */
  public SessionFuzzer relayCheck(RelayCheck check) {
    this.relayCheck = check;
    return this;
  }

  /** Runs one input and checks the properties; throws an {@link AssertionError} naming the one broken. */
  public void run(byte[] input) throws Exception {
    Deadline.run(() -> drive(input));
    if (!FUZZING || ++inputs % INPUTS_PER_COLLECTION == 0) {
      LeakReports.collectAndAssertNone();
    } else {
      LeakReports.assertNone();
    }
  }

  private void drive(byte[] input) {
    int set = FuzzInput.ruleSet(input, ruleSets.size());
    TrackingAllocator alloc = new TrackingAllocator();
    FuzzPort port = new FuzzPort(inspector, set == 0 ? List.of() : ruleSets.get(set - 1), alloc);
    ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
    ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
    InspectorSession session = opener.get();
    try {
      for (FuzzInput.Chunk chunk : FuzzInput.chunks(input)) {
        if (port.ended() != null) {
          break;
        }
        (chunk.fromServer() ? fromServer : fromClient).writeBytes(chunk.bytes());
        deliver(session, port, chunk, alloc.directBuffer(chunk.bytes().length).writeBytes(chunk.bytes()));
      }
    } finally {
      session.onClose();
    }
    gaveUp = port.passThrough();
    List<ByteBuf> unreleased = alloc.unreleased();
    alloc.releaseAll();
    assertThat(unreleased).as("buffers not released after the connection closed (rule set %d)", set).isEmpty();
    if (set == 0) {
      assertThat(port.ended()).as("with no rule, the session ended the connection").isNull();
      relayCheck.check(fromClient.toByteArray(), fromServer.toByteArray(), port.sentToServer(), port.sentToClient());
    }
  }

  /** Why the session of the last input run gave up decoding, or null when it decoded every byte. */
  static String gaveUpInLastInput() {
    return gaveUp;
  }

  private static void deliver(InspectorSession session, FuzzPort port, FuzzInput.Chunk chunk, ByteBuf data) {
    if (port.passThrough() != null) {
      if (chunk.fromServer()) {
        port.toClient(data);
      } else {
        port.toServer(data);
      }
    } else if (chunk.fromServer()) {
      session.onServerData(data, port);
    } else {
      session.onClientData(data, port);
    }
  }

  /** What a session with no rule must have relayed, given what each side sent. */
  @FunctionalInterface
  public interface RelayCheck {

    /** The server got exactly what the client sent, and the client what the server sent. */
    RelayCheck BYTE_FOR_BYTE = (fromClient, fromServer, toServer, toClient) -> {
      assertRelayed(toServer, fromClient, "to the server");
      assertRelayed(toClient, fromServer, "to the client");
    };

    /**
     * Fails unless {@code relayed} is {@code received}, but for a tail the session may still hold when the
     * connection closes, waiting for the rest of a message (it is released, not relayed, on close).
     */
    static void assertRelayed(byte[] relayed, byte[] received, String where) {
      assertThat(relayed.length).as("bytes relayed %s, with no rule: more than received", where)
          .isLessThanOrEqualTo(received.length);
      assertThat(relayed).as("bytes relayed %s, with no rule", where)
          .isEqualTo(Arrays.copyOf(received, relayed.length));
    }

    /** Fails unless the relayed bytes are what this protocol relays for those sent. */
    void check(byte[] fromClient, byte[] fromServer, byte[] toServer, byte[] toClient);

    /**
     * Whether {@code actual}, with only bytes {@code extra} taken out, is {@code expected} or the start of it
     * (see {@link #assertRelayed}); greedily matched, which is exact as the bytes taken out are all alike.
     */
    static boolean withExtra(byte[] actual, byte[] expected, byte extra) {
      int j = 0;
      for (byte b : actual) {
        if (j < expected.length && b == expected[j]) {
          j++;
        } else if (b != extra) {
          return false;
        }
      }
      return true;
    }
  }
}
