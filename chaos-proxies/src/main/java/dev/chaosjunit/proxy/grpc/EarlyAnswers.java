package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The port the client's frames are handled with until the server's first frame (its SETTINGS, the
 * server's connection preface) has gone to the client: what the proxy answers the client meanwhile waits
 * behind it, because nothing may reach an HTTP/2 client before the server's preface (RFC 9113, section 3.4).
 * A graceful close (after a GOAWAY with an error code) waits too, so the client still reads the GOAWAY.
 */
final class EarlyAnswers implements RelayPort {

  private final List<ByteBuf> held = new ArrayList<>();
  private RelayPort port;
  private boolean closeWhenReleased;

  /** This wrapper around the callback's port. */
  EarlyAnswers on(RelayPort current) {
    this.port = current;
    return this;
  }

  /** The server's preface went to the client: sends what waited behind it. */
  void release(RelayPort current) {
    held.forEach(current::toClient);
    held.clear();
    if (closeWhenReleased) {
      current.close();
    }
  }

  void discard() {
    held.forEach(ByteBuf::release);
    held.clear();
  }

  @Override
  public void toClient(ByteBuf data) {
    held.add(data);
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    held.add(data);
  }

  @Override
  public void toServer(ByteBuf data) {
    port.toServer(data);
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    port.toServer(data, delay);
  }

  @Override
  public void close() {
    closeWhenReleased = true;
  }

  @Override
  public void reset() {
    port.reset();
  }

  @Override
  public void blackhole() {
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
    port.passThrough(reason);
  }

  @Override
  public ByteBufAllocator alloc() {
    return port.alloc();
  }
}
