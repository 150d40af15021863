package dev.chaosjunit.proxy.protocol;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link RelayPort} that gathers the frames forwarded during one callback of the session, and the
 * bytes that passed its {@link FrameBuffer}s, into one write per direction, so a chunk cut into frames leaves the proxy as one chunk again (one write and
 * one flush, as on the L4 relay) instead of one per frame. Anything that must not overtake gathered
 * bytes (a delayed send, close, reset, blackhole, pass-through) sends them first. A write of the
 * session's own comes after the bytes that passed before it, so a session never flushes by hand. Outside a callback
 * (a timer) sends go straight through. Every {@link FramedSession} talks to its port through one.
 */
final class BatchingPort implements RelayPort {

  private final RelayPort port;
  private final FrameBuffer client;
  private final FrameBuffer server;
  private final Passed up = new Passed();
  private final Passed down = new Passed();
  private boolean gathering;

  /** Wraps the engine's port of one connection. */
  BatchingPort(RelayPort port, FrameBuffer client, FrameBuffer server) {
    this.port = port;
    this.client = client;
    this.server = server;
  }

  /** Whether this wraps {@code other}: the engine hands the session the same port on every callback. */
  boolean wraps(RelayPort other) {
    return port == other;
  }

  /** Starts gathering (a callback begins). */
  void begin() {
    gathering = true;
  }

  /** Sends what was gathered and stops gathering (the callback ends). */
  void end() {
    gathering = false;
    flush();
  }

  @Override
  public void toServer(ByteBuf data) {
    if (gathering) {
      gather(up, client.takePassed());
      up.add(data, port.alloc());
    } else {
      port.toServer(data);
    }
  }

  @Override
  public void toClient(ByteBuf data) {
    if (gathering) {
      gather(down, server.takePassed());
      down.add(data, port.alloc());
    } else {
      port.toClient(data);
    }
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    flush();
    port.toServer(data, delay);
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    flush();
    port.toClient(data, delay);
  }

  @Override
  public void close() {
    flush();
    port.close();
  }

  @Override
  public void reset() {
    flush();
    port.reset();
  }

  @Override
  public void blackhole() {
    flush();
    port.blackhole();
  }

  @Override
  public Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    return port.match(direction, facts);
  }

  @Override
  public boolean hasRules(Direction direction) {
    return port.hasRules(direction);
  }

  @Override
  public void passThrough(String reason) {
    flush();
    port.passThrough(reason);
  }

  @Override
  public ByteBufAllocator alloc() {
    return port.alloc();
  }

  private void gather(Passed batch, ByteBuf passed) {
    if (passed != null) {
      batch.add(passed, port.alloc());
    }
  }

  private void flush() {
    gather(up, client.takePassed());
    gather(down, server.takePassed());
    ByteBuf toServer = up.take();
    if (toServer != null) {
      port.toServer(toServer);
    }
    ByteBuf toClient = down.take();
    if (toClient != null) {
      port.toClient(toClient);
    }
  }
}
