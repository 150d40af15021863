package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-to-client half of a Redis session: forwards server bytes as they arrive, counts complete
 * replies against the commands that are owed one, and slots injected replies in between at exactly the
 * position of the command they replace. Pushes (RESP3 {@code >}) and RESP2 pub/sub messages answer
 * no command and are forwarded as they come.
 */
final class RedisReplyStream {

  private static final Logger LOG = LoggerFactory.getLogger(RedisReplyStream.class);

  private final ArrayDeque<Pending> owed = new ArrayDeque<>();
  private final RespScanner scanner = new RespScanner();
  private boolean resp3;
  private boolean pubSub;
  private boolean dropping;

  void owe(Pending pending) {
    owed.add(pending);
  }

  /** Queues an injected reply behind the replies still owed and sends what is due. */
  void inject(Pending pending, RelayPort port) {
    owed.add(pending);
    flush(port);
  }

  /**
   * A (un)subscribe command went to the server: it is owed confirmations, and from now on RESP2 arrays
   * shaped like pub/sub messages are taken for messages.
   */
  void subscribed(int channels) {
    pubSub = true;
    owed.add(Pending.confirmations(channels));
  }

  void reset() {
    pubSub = false;
  }

  /**
   * Forwards server bytes (taking ownership), inserting due injected replies.
   *
   * @throws RedisCodecException after forwarding the undecodable rest unchanged
   */
  void onServerData(ByteBuf data, RelayPort port) {
    int segment = data.readerIndex();
    try {
      while (data.isReadable()) {
        if (!scanner.inValue() && startsReplaced(data)) {
          emit(data, segment, data.readerIndex(), port);
          dropping = true;
        }
        boolean done = scanner.scan(data);
        if (dropping) {
          segment = data.readerIndex();
        }
        if (done && replyDone(port)) {
          emit(data, segment, data.readerIndex(), port);
          segment = data.readerIndex();
          flush(port);
        }
      }
      emit(data, segment, data.writerIndex(), port);
    } catch (RedisCodecException e) {
      emit(data, segment, data.writerIndex(), port);
      throw e;
    } finally {
      data.release();
    }
  }

  /** On pass-through: sends injected replies still queued, as the engine stops calling us. */
  void drainInjected(RelayPort port) {
    owed.removeIf(p -> p.kind() == Pending.Kind.SERVER);
    while (!owed.isEmpty()) {
      Pending next = owed.poll();
      if (next.kind() == Pending.Kind.INJECTED) {
        port.toClient(RedisReplies.encode(port.alloc(), next.action(), resp3));
      }
    }
  }

  private boolean startsReplaced(ByteBuf data) {
    return headIs(Pending.Kind.REPLACED) && data.getByte(data.readerIndex()) != '>';
  }

  /** A complete reply went by; true when injected replies are now due. */
  private boolean replyDone(RelayPort port) {
    boolean push = scanner.topType() == '>' || pubSub && scanner.isPubSubShape();
    if (push && scanner.isConfirmation() && headIs(Pending.Kind.CONFIRMATIONS) && owed.peek().confirm()) {
      owed.poll();
    }
    return push ? headIs(Pending.Kind.INJECTED) : serverReplyDone(port);
  }

  private boolean serverReplyDone(RelayPort port) {
    Pending head = owed.poll();
    if (head == null) {
      LOG.debug("reply from the server that answers no command; forwarded");
    } else if (head.kind() == Pending.Kind.REPLACED) {
      dropping = false;
      port.toClient(RedisReplies.error(port.alloc(), head.errorLine()));
    } else if (head.helloVersion() > 0 && scanner.topType() != '-' && scanner.topType() != '!') {
      resp3 = head.helloVersion() >= 3;
    }
    return headIs(Pending.Kind.INJECTED);
  }

  private boolean headIs(Pending.Kind kind) {
    Pending head = owed.peek();
    return head != null && head.kind() == kind;
  }

  private void flush(RelayPort port) {
    while (!scanner.inValue() && headIs(Pending.Kind.INJECTED)) {
      port.toClient(RedisReplies.encode(port.alloc(), owed.poll().action(), resp3));
    }
  }

  private static void emit(ByteBuf data, int from, int to, RelayPort port) {
    if (to > from) {
      port.toClient(data.retainedSlice(from, to - from));
    }
  }
}
