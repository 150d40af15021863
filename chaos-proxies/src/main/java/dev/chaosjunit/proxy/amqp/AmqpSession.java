package dev.chaosjunit.proxy.amqp;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.AmqpReplyCode;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One proxied AMQP 0-9-1 connection. Both directions are cut into frames; method frames are read whole,
 * content header and body frames stream through unless they belong to a message being dropped. A
 * {@code basic.publish} is matched upstream by exchange and routing key, a {@code basic.deliver}
 * downstream by exchange, routing key and the queue its consumer tag consumes from.
 */
final class AmqpSession extends FramedSession {

  private static final String PROXY_CLOSE = "closed by chaos-junit's proxy";

  private final Map<Integer, AmqpChannel> channels = new HashMap<>();
  private boolean headerSeen;
  private boolean connectionClosing;

  @Override
  protected boolean clientFrame(RelayPort port) {
    FrameBuffer in = client();
    if (!headerSeen) {
      return protocolHeader(in);
    }
    AmqpFrame frame = next(in);
    if (frame == null) {
      return false;
    }
    AmqpChannel channel = channel(frame.channel());
    boolean discard = connectionClosing || channel.clientClosing || channel.fromClient.takes(frame.type());
    if (!discard && frame.type() != Amqp.METHOD) {
      in.passStreaming(frame.length());
      return true;
    }
    if (!whole(in, frame)) {
      return false;
    }
    if (discard) {
      discardFromClient(frame, channel, port);
    } else {
      clientMethod(frame, channel, port);
    }
    return true;
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    FrameBuffer in = server();
    AmqpFrame frame = next(in);
    if (frame == null) {
      return false;
    }
    AmqpChannel channel = channel(frame.channel());
    boolean discard = connectionClosing || channel.serverClosing || channel.fromServer.takes(frame.type());
    if (!discard && frame.type() != Amqp.METHOD) {
      in.passStreaming(frame.length());
      return true;
    }
    if (!whole(in, frame)) {
      return false;
    }
    if (discard) {
      discardFromServer(frame, channel, port);
    } else {
      serverMethod(frame, channel, port);
    }
    return true;
  }

  @Override
  protected String undecodable(boolean fromClient, RuntimeException e) {
    return (fromClient ? "client" : "server") + " sent bytes that are not AMQP 0-9-1: " + e.getMessage();
  }

  private boolean protocolHeader(FrameBuffer in) {
    if (!in.need(Amqp.PROTOCOL_HEADER.length)) {
      return false;
    }
    byte[] header = new byte[Amqp.PROTOCOL_HEADER.length];
    in.view().getBytes(in.view().readerIndex(), header);
    if (!Arrays.equals(header, Amqp.PROTOCOL_HEADER)) {
      throw new FrameDecodeException("the client did not open with the AMQP 0-9-1 protocol header");
    }
    in.pass(header.length);
    headerSeen = true;
    return true;
  }

  private static AmqpFrame next(FrameBuffer in) {
    AmqpFrame frame = AmqpFrame.peek(in.view(), in.readable());
    if (frame == null) {
      in.need(Amqp.FRAME_HEAD);
    }
    return frame;
  }

  private static boolean whole(FrameBuffer in, AmqpFrame frame) {
    if (!in.need(frame.length())) {
      return false;
    }
    frame.checkEnd(in.view());
    return true;
  }

  private AmqpChannel channel(int number) {
    return channels.computeIfAbsent(number, n -> new AmqpChannel());
  }

  private void clientMethod(AmqpFrame frame, AmqpChannel channel, RelayPort port) {
    ByteBuf buf = client().view();
    int method = frame.method(buf);
    if (method == Amqp.BASIC_PUBLISH) {
      long published = channel.confirms.publish();
      Optional<RuleMatch> match = port.match(Direction.UPSTREAM, MessageMethods.publish(frame, buf));
      Action action = match.map(RuleMatch::action).orElse(null);
      if (action instanceof Action.Respond) {
        nackLater(published, channel);
      } else if (apply(match, frame, method, channel, true, port)) {
        if (action instanceof Action.Drop drop && drop.mode() == null && published > 0) {
          channel.confirms.lose(published);
        }
        return;
      }
    } else if (method == Amqp.BASIC_CONSUME) {
      MethodArgs args = frame.args(buf).skip(2);
      String queue = args.shortString();
      String tag = args.shortString();
      channel.consume(queue, tag, (args.octet() & 0x08) != 0);
    } else if (method == Amqp.CHANNEL_OPEN) {
      reopen(frame.channel(), channel);
    } else if (method == Amqp.CONFIRM_SELECT) {
      channel.confirms.select();
    }
    client().pass(frame.length());
  }

  private void serverMethod(AmqpFrame frame, AmqpChannel channel, RelayPort port) {
    ByteBuf buf = server().view();
    int method = frame.method(buf);
    if (method == Amqp.BASIC_DELIVER) {
      MessageFacts facts = MessageMethods.deliver(frame, buf, channel);
      if (apply(port.match(Direction.DOWNSTREAM, facts), frame, method, channel, false, port)) {
        return;
      }
    } else if (method == Amqp.BASIC_ACK || method == Amqp.BASIC_NACK) {
      MethodArgs args = frame.args(buf);
      long tag = args.longLong();
      boolean multiple = (args.octet() & 1) != 0;
      List<Confirms.Confirm> confirms = method == Amqp.BASIC_ACK ? channel.confirms.ack(tag, multiple)
          : channel.confirms.brokerNack(tag, multiple);
      if (confirms != null) {
        server().skip(frame.length());
        confirms.forEach(confirm -> port.toClient(AmqpFrames.confirm(port.alloc(), frame.channel(), confirm)));
        return;
      }
    } else if (method == Amqp.BASIC_CONSUME_OK) {
      channel.consumeOk(frame.args(buf).shortString());
    } else if (method == Amqp.BASIC_CANCEL_OK) {
      channel.cancelled(frame.args(buf).shortString());
    }
    server().pass(frame.length());
  }

  /** A nack rule fired for a publish: it goes to the broker, whose confirm the client gets as a nack. */
  private static void nackLater(long published, AmqpChannel channel) {
    if (published > 0) {
      channel.confirms.nack(published);
    } else {
      AmqpInspector.LOG.debug("a nack rule fired for a publish on a channel without publisher confirms: forwarded");
    }
  }

  /** A channel opened again (after a close) starts afresh, still hiding a close-ok the broker owes. */
  private void reopen(int number, AmqpChannel old) {
    AmqpChannel fresh = new AmqpChannel();
    fresh.serverClosing = old.serverClosing;
    channels.put(number, fresh);
  }

  /** Carries out a fired rule on the method frame at the start of its direction; {@code false} if none fired. */
  private boolean apply(Optional<RuleMatch> match, AmqpFrame frame, int method, AmqpChannel channel,
      boolean fromClient, RelayPort port) {
    if (match.isEmpty()) {
      return false;
    }
    FrameBuffer in = fromClient ? client() : server();
    Action action = match.get().action();
    if (action instanceof Action.Delay delay) {
      ByteBuf held = in.take(frame.length());
      if (fromClient) {
        port.toServer(held, delay.delay());
      } else {
        port.toClient(held, delay.delay());
      }
    } else if (action instanceof Action.Drop drop && drop.mode() != null) {
      drop(drop.mode(), port);
    } else if (action instanceof Action.Drop) {
      in.skip(frame.length());
      (fromClient ? channel.fromClient : channel.fromServer).start();
    } else {
      in.skip(frame.length());
      close((Action.Error) action, frame.channel(), channel, method, port);
    }
    return true;
  }

  /**
   * Closes the channel (soft error) or the connection (hard error) on both sides: the client gets the
   * reply code, the broker a normal close; each side's frames are discarded until its close-ok, which
   * the other side never sees.
   */
  private void close(Action.Error error, int number, AmqpChannel channel, int method, RelayPort port) {
    AmqpReplyCode code = AmqpReplyCode.of(error.code()).orElseThrow();
    String text = error.message().isEmpty() ? code.defaultText() : error.message();
    int closed = code.closesConnection() ? 0 : number;
    port.toClient(AmqpFrames.close(port.alloc(), closed, code.code(), text, method));
    port.toServer(AmqpFrames.close(port.alloc(), closed, Amqp.REPLY_SUCCESS, PROXY_CLOSE, 0));
    if (code.closesConnection()) {
      connectionClosing = true;
    } else {
      channel.clientClosing = true;
      channel.serverClosing = true;
    }
  }

  private void discardFromClient(AmqpFrame frame, AmqpChannel channel, RelayPort port) {
    FrameBuffer in = client();
    int method = frame.type() == Amqp.METHOD ? frame.method(in.view()) : 0;
    if (connectionClosing) {
      in.skip(frame.length());
      if (method == Amqp.CONNECTION_CLOSE_OK) {
        drop(DropMode.CLOSE, port);
      }
      return;
    }
    if (method == Amqp.CHANNEL_OPEN) {
      reopen(frame.channel(), channel);
      in.pass(frame.length());
      return;
    }
    channel.fromClient.skip(frame, in);
    if (method == Amqp.CHANNEL_CLOSE_OK) {
      channel.clientClosing = false;
    } else if (method == Amqp.CHANNEL_CLOSE) {
      port.toClient(AmqpFrames.channelCloseOk(port.alloc(), frame.channel()));
    }
  }

  private void discardFromServer(AmqpFrame frame, AmqpChannel channel, RelayPort port) {
    FrameBuffer in = server();
    int method = frame.type() == Amqp.METHOD ? frame.method(in.view()) : 0;
    channel.fromServer.skip(frame, in);
    if (connectionClosing) {
      return;
    }
    if (method == Amqp.CHANNEL_CLOSE_OK) {
      channel.serverClosing = false;
    } else if (method == Amqp.CHANNEL_CLOSE) {
      port.toServer(AmqpFrames.channelCloseOk(port.alloc(), frame.channel()));
    }
  }
}
