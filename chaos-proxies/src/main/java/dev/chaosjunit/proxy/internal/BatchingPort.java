package dev.chaosjunit.proxy.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A {@link RelayPort} that gathers the frames forwarded during one callback of the session into one
 * write per direction, so a chunk cut into frames leaves the proxy as one chunk again (one write and
 * one flush, as on the L4 relay) instead of one per frame. Anything that must not overtake gathered
 * bytes (a delayed send, close, reset, blackhole, pass-through) sends them first. Outside a callback
 * (a timer) sends go straight through. Used by the inspectors whose sessions cut chunks into frames.
 */
@API(status = INTERNAL, since = "0.1")
public final class BatchingPort implements RelayPort {

  private final RelayPort port;
  private final Batch up = new Batch();
  private final Batch down = new Batch();
  private boolean gathering;

  /** Wraps the engine's port of one connection. */
  public BatchingPort(RelayPort port) {
    this.port = port;
  }

  /** Whether this wraps {@code other}: the engine hands the session the same port on every callback. */
  public boolean wraps(RelayPort other) {
    return port == other;
  }

  /** Starts gathering (a callback begins). */
  public void begin() {
    gathering = true;
  }

  /** Sends what was gathered and stops gathering (the callback ends). */
  public void end() {
    gathering = false;
    flush();
  }

  @Override
  public void toServer(ByteBuf data) {
    if (gathering) {
      up.add(data, port.alloc());
    } else {
      port.toServer(data);
    }
  }

  @Override
  public void toClient(ByteBuf data) {
    if (gathering) {
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
  public void passThrough(String reason) {
    flush();
    port.passThrough(reason);
  }

  @Override
  public ByteBufAllocator alloc() {
    return port.alloc();
  }

  private void flush() {
    ByteBuf toServer = up.take();
    if (toServer != null) {
      port.toServer(toServer);
    }
    ByteBuf toClient = down.take();
    if (toClient != null) {
      port.toClient(toClient);
    }
  }

  /** The bytes gathered for one direction: one buffer, or a composite of several. */
  private static final class Batch {
    private ByteBuf single;
    private CompositeByteBuf several;

    void add(ByteBuf data, ByteBufAllocator alloc) {
      if (several != null) {
        several.addComponent(true, data);
      } else if (single == null) {
        single = data;
      } else {
        several = alloc.compositeBuffer(256).addComponent(true, single).addComponent(true, data);
        single = null;
      }
    }

    ByteBuf take() {
      ByteBuf taken = several != null ? several : single;
      several = null;
      single = null;
      return taken;
    }
  }
}
