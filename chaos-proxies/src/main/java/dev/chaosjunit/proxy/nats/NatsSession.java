package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
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

  /** A message whose rule fired, waiting for the rest of its payload. */
  private record Fired(NatsOp op, Action action) {}

  private final ControlLine clientLine = new ControlLine();
  private final ControlLine serverLine = new ControlLine();
  private Fired fromClient;
  private Fired fromServer;
  private boolean verbose;

  @Override
  protected boolean clientFrame(RelayPort port) {
    FrameBuffer in = client();
    if (fromClient != null) {
      return carryOut(in, true, port);
    }
    NatsOp op = NatsOp.peek(in, NatsOp.CLIENT_OPS, clientLine, port.hasRules(Direction.UPSTREAM));
    if (op == null) {
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
    NatsOp op = NatsOp.peek(in, NatsOp.SERVER_OPS, serverLine, port.hasRules(Direction.DOWNSTREAM));
    if (op == null) {
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
   * Asks the rules about a message (its subject was decoded if the direction has rules): streams it
   * through when none fires, ends the connection for a drop
   * with a mode, and otherwise returns the rule's action, to carry out once the payload is whole.
   */
  private Fired fire(NatsOp op, Direction direction, FrameBuffer in, RelayPort port) {
    Optional<Action> action = op.subject() == null ? Optional.empty()
        : port.match(direction, MessageFacts.of(NatsInspector.NAME, NatsInspector.SUBJECT, op.subject())).map(RuleMatch::action);
    if (action.isEmpty()) {
      in.passStreaming(op.length());
      return null;
    }
    if (action.get() instanceof Action.Drop drop && drop.mode() != null) {
      drop(drop.mode(), port);
      return null;
    }
    return new Fired(op, action.get());
  }

  /** Carries out a fired rule on a message once it is whole; {@code false} while it is not. */
  private boolean carryOut(FrameBuffer in, boolean client, RelayPort port) {
    Fired fired = client ? fromClient : fromServer;
    if (!in.need(fired.op().length())) {
      return false;
    }
    fired.op().checkPayloadEnd(in.view());
    if (client) {
      fromClient = null;
    } else {
      fromServer = null;
    }
    if (fired.action() instanceof Action.Delay delay) {
      ByteBuf held = in.take(fired.op().length());
      if (client) {
        port.toServer(held, delay.delay());
      } else {
        port.toClient(held, delay.delay());
      }
      return true;
    }
    in.skip(fired.op().length());
    if (fired.action() instanceof Action.Error error) {
      port.toClient(NatsErrors.publishError(port.alloc(), error, fired.op().subject()));
    } else if (client && verbose) {
      port.toClient(port.alloc().buffer(OK.length).writeBytes(OK));
    }
    return true;
  }
}
