package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One proxied NATS connection. Both directions are cut into operations at their control lines; a
 * message's payload streams through unless a rule fired for it. PUB and HPUB are matched upstream,
 * MSG and HMSG downstream, by subject; a message whose rule fired is held until its payload is whole
 * and then delayed, dropped or answered with {@code -ERR}.
 */
final class NatsSession extends FramedSession {

  private static final Pattern VERBOSE = Pattern.compile("\"verbose\"\\s*:\\s*true");
  private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);

  /** A message whose rule fired, waiting for the rest of its {@code length} bytes. */
  private record Fired(String name, String subject, int length, Action action) {

    /** Checks the CRLF that closes the payload; the whole operation must be in {@code buf}. */
    void checkPayloadEnd(ByteBuf buf) {
      int end = buf.readerIndex() + length;
      if (buf.getByte(end - 2) != '\r' || buf.getByte(end - 1) != '\n') {
        throw new FrameDecodeException(name + " on [" + subject + "] has no CRLF after its payload of the announced size");
      }
    }
  }

  private final NatsOp clientOp = new NatsOp(NatsOp.CLIENT_OPS);
  private final NatsOp serverOp = new NatsOp(NatsOp.SERVER_OPS);
  private Fired fromClient;
  private Fired fromServer;
  private boolean verbose;

  @Override
  protected boolean clientFrame(RelayPort port) {
    FrameBuffer in = client();
    if (fromClient != null) {
      return carryOut(in, true, port);
    }
    NatsOp op = clientOp;
    if (!op.peek(in)) {
      return false;
    }
    if (op.name().equals("CONNECT")) {
      verbose = VERBOSE.matcher(op.json()).find();
    }
    if (op.message()) {
      fromClient = fire(op, Direction.UPSTREAM, in, port);
    } else {
      in.pass(op.length());
    }
    return true;
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    FrameBuffer in = server();
    if (fromServer != null) {
      return carryOut(in, false, port);
    }
    NatsOp op = serverOp;
    if (!op.peek(in)) {
      return false;
    }
    if (op.message()) {
      fromServer = fire(op, Direction.DOWNSTREAM, in, port);
    } else {
      in.pass(op.length());
    }
    return true;
  }

  @Override
  protected String undecodable(boolean fromClient, RuntimeException e) {
    return (fromClient ? "client" : "server") + " sent bytes that are not NATS: " + e.getMessage();
  }

  /**
   * Asks the rules about a message (its subject is decoded only if the direction has rules): streams it
   * through when none fires, ends the connection for a drop with a mode, and otherwise returns the rule's
   * action, to carry out once the payload is whole.
   */
  private Fired fire(NatsOp op, Direction direction, FrameBuffer in, RelayPort port) {
    Optional<RuleMatch> match = port.hasRules(direction) ? port.match(direction, op.facts()) : Optional.empty();
    if (match.isEmpty()) {
      in.passStreaming(op.length());
      return null;
    }
    Action action = match.get().action();
    if (action instanceof Action.Drop drop && drop.mode() != null) {
      drop(drop.mode(), port);
      return null;
    }
    return new Fired(op.name(), op.facts().get(NatsInspector.SUBJECT).get(0), op.length(), action);
  }

  /** Carries out a fired rule on a message once it is whole; {@code false} while it is not. */
  private boolean carryOut(FrameBuffer in, boolean client, RelayPort port) {
    Fired fired = client ? fromClient : fromServer;
    if (!in.need(fired.length())) {
      return false;
    }
    fired.checkPayloadEnd(in.view());
    if (client) {
      fromClient = null;
    } else {
      fromServer = null;
    }
    if (fired.action() instanceof Action.Delay delay) {
      ByteBuf held = in.take(fired.length());
      if (client) {
        port.toServer(held, delay.delay());
      } else {
        port.toClient(held, delay.delay());
      }
      return true;
    }
    in.skip(fired.length());
    if (fired.action() instanceof Action.Error error) {
      port.toClient(NatsErrors.publishError(port.alloc(), error, fired.subject()));
    } else if (client && verbose) {
      port.toClient(port.alloc().buffer(OK.length).writeBytes(OK));
    }
    return true;
  }
}
