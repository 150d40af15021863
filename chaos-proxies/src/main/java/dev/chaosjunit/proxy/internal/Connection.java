package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.ProxyEvent;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import java.util.ArrayList;

/**
 * One client connection and its own upstream connection, both on the same event loop, relayed by two
 * {@link Flow}s. All methods run on that event loop.
 */
final class Connection {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  final long id;
  private final DefaultProxy proxy;
  private final Channel client;
  private final Target target;
  private Channel server;
  private Flow up;
  private Flow down;
  private ConnectionPort port;
  private long bytesUp;
  private long bytesDown;
  private boolean closed;
  private EarlyInput early = new EarlyInput();

  Connection(DefaultProxy proxy, long id, Channel client, Target target) {
    this.proxy = proxy;
    this.id = id;
    this.client = client;
    this.target = target;
  }

  /** The client connected: connect upstream, then start relaying. */
  void accepted() {
    if (!proxy.register(this)) {
      client.close();
      return;
    }
    target.accepted();
    Bootstrap b = new Bootstrap().group(client.eventLoop()).channel(TransportChoice.current().socketChannel())
        .option(ChannelOption.AUTO_READ, false).option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.RCVBUF_ALLOCATOR, Transport.readSizes())
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Transport.writeBuffer())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, proxy.connectTimeoutMillis())
        .handler(new RelayHandler(this, false));
    b.connect(target.address()).addListener(this::connected);
  }

  private void connected(io.netty.util.concurrent.Future<? super Void> f) {
    if (!f.isSuccess()) {
      LOG.warn("proxy [{}] connection {}: upstream {} unreachable: {}", proxy.name(), id, target.text(),
          f.cause().toString());
      proxy.publish(new ProxyEvent.UpstreamUnreachable(Instant.now(), proxy.name(), id, target.text(),
          String.valueOf(f.cause().getMessage())));
      close();
      return;
    }
    server = ((ChannelFuture) f).channel();
    if (closed) {
      server.close();
      return;
    }
    up = new Flow(Direction.UPSTREAM, this, client, server);
    down = new Flow(Direction.DOWNSTREAM, this, server, client);
    openSession();
    proxy.publish(new ProxyEvent.ConnectionOpened(Instant.now(), proxy.name(), id, String.valueOf(client.remoteAddress())));
    up.start();
    down.start();
    EarlyInput input = early;
    early = null;
    input.replay(this);
  }

  private void openSession() {
    if (proxy.inspector() == null) {
      return;
    }
    ConnectionInfo info = new ConnectionInfo(proxy.name(), id, client.remoteAddress(), server.remoteAddress(),
        client.localAddress(), proxy.routeTable().seenFrom(client.localAddress()));
    try {
      port = new ConnectionPort(this, proxy.inspector().open(info), up, down);
    } catch (RuntimeException e) {
      LOG.warn("proxy [{}] connection {}: inspector [{}] failed to open; relaying raw bytes", proxy.name(), id,
          proxy.inspector().name(), e);
    }
  }

  void onRead(boolean fromClient, ByteBuf data) {
    Flow flow = fromClient ? up : down;
    if (early != null && fromClient && !closed) {
      early.add(data);
      return;
    }
    if (closed || flow == null) {
      data.release();
      return;
    }
    int n = data.readableBytes();
    if (fromClient) {
      bytesUp += n;
    } else {
      bytesDown += n;
    }
    proxy.countBytes(fromClient, n);
    if (port != null && port.inspecting()) {
      port.deliver(fromClient, data);
    } else {
      flow.enqueue(data, 0);
    }
    flow.chunkRead();
  }

  void onEnd(boolean fromClient) {
    Flow flow = fromClient ? up : down;
    if (early != null && fromClient) {
      early.end();
      return;
    }
    if (flow != null && !closed) {
      flow.enqueueEnd(Outgoing.Kind.END);
    }
  }

  /** A side's channel crossed a write-buffer water mark: the flow writing to it may go on. */
  void writabilityChanged(boolean clientSide) {
    Flow flow = clientSide ? down : up;
    if (flow != null && !closed) {
      flow.sinkWritabilityChanged();
    }
  }

  /** One direction finished its half-close; when both did, the connection is done. */
  void flowEnded() {
    if (up.ended() && down.ended()) {
      close();
    }
  }

  void ruleRemoved(String rule) {
    if (!closed && port != null) {
      port.ruleRemoved(rule);
    }
  }

  void toxicsChanged() {
    if (!closed && up != null) {
      up.toxicsChanged();
      down.toxicsChanged();
    }
  }

  /** Closes both sides gracefully (what was written is delivered). */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    client.close();
    if (server != null) {
      server.close();
    }
    released();
  }

  /** Closes both sides with a TCP reset. */
  void reset() {
    if (!closed) {
      client.config().setOption(ChannelOption.SO_LINGER, 0);
      if (server != null) {
        server.config().setOption(ChannelOption.SO_LINGER, 0);
      }
      close();
    }
  }

  void abort(String what, Throwable cause) {
    LOG.debug("proxy [{}] connection {}: {}", proxy.name(), id, what, cause);
    close();
  }

  private void released() {
    if (early != null) {
      early.release();
    }
    if (up != null) {
      up.release();
      down.release();
    }
    if (port != null) {
      port.closed();
    }
    if (up != null) {
      proxy.publish(new ProxyEvent.ConnectionClosed(Instant.now(), proxy.name(), id, bytesUp, bytesDown));
    }
    proxy.unregister(this);
  }

  /** What faults no longer in place left on this connection; empty when nothing. Its event loop only. */
  List<String> residue() {
    List<String> left = new ArrayList<>();
    if (closed) {
      return left;
    }
    if (port != null && port.blackholed()) {
      left.add("blackholed by a drop rule (what it sends is swallowed)");
    }
    if (up != null) {
      up.residue(left);
      down.residue(left);
    }
    return left;
  }

  boolean isClosed() {
    return closed;
  }

  Channel client() {
    return client;
  }

  /** The client's address as an IP literal, e.g. {@code 172.17.0.4}. */
  String clientHost() {
    return client.remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
        ? address.getAddress().getHostAddress() : String.valueOf(client.remoteAddress());
  }

  DefaultProxy proxy() {
    return proxy;
  }

  ToxicChain toxics() {
    return proxy.toxicChain();
  }

  void toxicFired(ActiveToxic toxic, long firing) {
    proxy.publish(new ProxyEvent.FaultFired(Instant.now(), proxy.name(), id, ProxyEvent.FaultKind.TOXIC,
        toxic.name(), toxic.type().wireName(), "", firing));
  }
}
