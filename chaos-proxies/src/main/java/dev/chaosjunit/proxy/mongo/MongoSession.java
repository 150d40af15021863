package dev.chaosjunit.proxy.mongo;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import java.util.Optional;
import java.util.Set;

/**
 * One proxied MongoDB connection. Client messages are read whole (their header says how long they are),
 * OP_MSG commands matched by command, database and collection; server messages stream through, except
 * the reply that a writeConcernError rule waits for. The client's hello loses its {@code compression}
 * offer on the way, so no OP_COMPRESSED traffic hides commands from the rules.
 */
final class MongoSession extends FramedSession {

  static final Set<String> HELLO = Set.of("hello", "isMaster", "ismaster");

  private int nextRequestId = 1 << 30;
  private int writeConcernRequest;
  private Action.Error writeConcernError;

  @Override
  protected boolean clientFrame(RelayPort port) {
    FrameBuffer in = client();
    MongoMessage message = MongoMessage.peek(in.view(), in.readable(), MongoMessage.CLIENT_OPS);
    if (message == null) {
      return false;
    }
    if (message.opCode() == MongoMessage.OP_COMPRESSED) {
      in.passStreaming(message.length());
      return true;
    }
    if (!in.need(message.length())) {
      return false;
    }
    CommandBody body = message.command(in.view());
    Optional<Action> action = message.opCode() == MongoMessage.OP_MSG ? match(body, port) : Optional.empty();
    if (action.isPresent()) {
      apply(action.get(), message, body, port);
    } else if (offersCompression(body)) {
      port.toServer(outgoing(message, body, port));
    } else {
      in.pass(message.length());
    }
    return true;
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    FrameBuffer in = server();
    MongoMessage message = MongoMessage.peek(in.view(), in.readable(), MongoMessage.SERVER_OPS);
    if (message == null) {
      return false;
    }
    if (writeConcernError == null || message.responseTo() != writeConcernRequest
        || message.opCode() != MongoMessage.OP_MSG) {
      in.passStreaming(message.length());
      return true;
    }
    if (!in.need(message.length())) {
      return false;
    }
    CommandBody body = message.command(in.view());
    ByteBuf added = MongoErrors.writeConcernError(port.alloc(), writeConcernError);
    ByteBuf reply = Splice.replace(port.alloc(), in.view(), message, body, body.end() - 1, body.end() - 1, added);
    in.skip(message.length());
    writeConcernError = null;
    port.toClient(reply);
    return true;
  }

  @Override
  protected String undecodable(boolean fromClient, RuntimeException e) {
    return (fromClient ? "client" : "server") + " sent bytes that are not MongoDB wire messages: " + e.getMessage();
  }

  private Optional<Action> match(CommandBody body, RelayPort port) {
    if (body.command().isEmpty()) {
      return Optional.empty();
    }
    MessageFacts.Builder facts = MessageFacts.of(MongoInspector.NAME).put(MongoInspector.COMMAND, body.command());
    if (body.database() != null) {
      facts.put(MongoInspector.DATABASE, body.database());
    }
    if (body.collection() != null) {
      facts.put(MongoInspector.COLLECTION, body.collection());
    }
    return port.match(Direction.UPSTREAM, facts.build()).map(RuleMatch::action);
  }

  /** Carries out a fired rule on the whole message at the client buffer's reader index. */
  private void apply(Action action, MongoMessage message, CommandBody body, RelayPort port) {
    FrameBuffer in = client();
    if (action instanceof Action.Drop drop) {
      drop(drop.modeOr(DropMode.CLOSE), port);
    } else if (action instanceof Action.Delay delay) {
      port.toServer(outgoing(message, body, port), delay.delay());
    } else if (message.moreToCome(in.view())) {
      in.skip(message.length());
    } else if (action instanceof Action.Error error && MongoErrors.kind(error).equals(MongoErrors.WRITE_CONCERN_ERROR)) {
      writeConcernRequest = message.requestId();
      writeConcernError = error;
      port.toServer(outgoing(message, body, port));
    } else {
      in.skip(message.length());
      port.toClient(MongoErrors.reply(port.alloc(), (Action.Error) action, nextRequestId++, message.requestId()));
    }
  }

  private static boolean offersCompression(CommandBody body) {
    return body.compressionStart() >= 0 && HELLO.contains(body.command());
  }

  /** Removes the message from the client's bytes, without a hello's compression offer. */
  private ByteBuf outgoing(MongoMessage message, CommandBody body, RelayPort port) {
    FrameBuffer in = client();
    if (!offersCompression(body)) {
      return in.take(message.length());
    }
    ByteBuf stripped = Splice.replace(port.alloc(), in.view(), message, body, body.compressionStart(),
        body.compressionEnd(), null);
    in.skip(message.length());
    return stripped;
  }
}
