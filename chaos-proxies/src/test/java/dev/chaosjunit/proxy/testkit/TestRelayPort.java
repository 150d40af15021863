package dev.chaosjunit.proxy.testkit;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.proxy.rule.RuleSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@link RelayPort} of one {@link TestRelay} connection: ordered, optionally delayed writes. */
final class TestRelayPort implements RelayPort {

  private final Channel client;
  private final SocketChannel server;
  private final List<RuleSpec> rules;
  private final ArrayDeque<Object[]> toServerQueue = new ArrayDeque<>();
  private final ArrayDeque<Object[]> toClientQueue = new ArrayDeque<>();
  private boolean raw;
  private boolean blackholed;

  TestRelayPort(Channel client, SocketChannel server, List<RuleSpec> rules) {
    this.client = client;
    this.server = server;
    this.rules = rules;
  }

  void read(ByteBuf data, boolean fromClient, InspectorSession session) {
    if (blackholed) {
      data.release();
    } else if (raw) {
      write(fromClient ? toServerQueue : toClientQueue, fromClient ? server : client, data, 0);
    } else if (fromClient) {
      session.onClientData(data, this);
    } else {
      session.onServerData(data, this);
    }
  }

  void closedBy(boolean client, InspectorSession session) {
    if (!blackholed) {
      session.onClose();
      (client ? server : this.client).writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void toServer(ByteBuf data) {
    write(toServerQueue, server, data, 0);
  }

  @Override
  public void toClient(ByteBuf data) {
    write(toClientQueue, client, data, 0);
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    write(toServerQueue, server, data, delay.toNanos());
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    write(toClientQueue, client, data, delay.toNanos());
  }

  private void write(ArrayDeque<Object[]> queue, Channel target, ByteBuf data, long delayNanos) {
    if (blackholed) {
      data.release();
      return;
    }
    long due = System.nanoTime() + delayNanos;
    queue.add(new Object[] {data, due});
    if (queue.size() == 1) {
      drain(queue, target);
    }
  }

  private void drain(ArrayDeque<Object[]> queue, Channel target) {
    while (!queue.isEmpty()) {
      long wait = (long) queue.peek()[1] - System.nanoTime();
      if (wait > 0) {
        target.eventLoop().schedule(() -> drain(queue, target), wait, TimeUnit.NANOSECONDS);
        return;
      }
      target.writeAndFlush(queue.poll()[0]);
    }
  }

  @Override
  public void close() {
    client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    server.close();
  }

  @Override
  public void reset() {
    client.config().setOption(ChannelOption.SO_LINGER, 0);
    client.close();
    server.close();
  }

  @Override
  public void blackhole() {
    blackholed = true;
  }

  @Override
  public Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    return rules.stream()
        .filter(rule -> rule.direction() == direction && RecordingPort.matches(rule, facts))
        .findFirst()
        .map(rule -> new RuleMatch(rule, 1));
  }

  @Override
  public void passThrough(String reason) {
    raw = true;
  }

  @Override
  public ByteBufAllocator alloc() {
    return client.alloc();
  }
}
