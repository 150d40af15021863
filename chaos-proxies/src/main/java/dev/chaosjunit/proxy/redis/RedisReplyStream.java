package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-to-client half of a Redis session: lets server bytes pass as they arrive, counts complete
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
   * Scans the next server bytes of {@code in} (as far as the next reply's end) and lets them pass, or
   * skips them when an injected error replaces that reply; sends injected replies that are due then.
   *
   * @return false when there were no bytes
   * @throws RedisCodecException for bytes that are not RESP
   */
  boolean step(FrameBuffer in, RelayPort port) {
    if (in.readable() == 0) {
      return false;
    }
    ByteBuf data = in.view();
    if (!scanner.inValue() && startsReplaced(data)) {
      dropping = true;
    }
    int from = data.readerIndex();
    boolean done = scanner.scan(data);
    if (dropping) {
      in.skipScanned(from);
    }
    if (done && replyDone(port)) {
      flush(port);
    }
    return true;
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
}
