package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link RelayPort} of one inspected connection; also feeds the session what the sockets read. */
final class ConnectionPort implements RelayPort {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPort.class);

  private final Connection connection;
  private final InspectorSession session;
  private final Flow up;
  private final Flow down;
  /** The rules that fired on this connection (the connection's event loop only). */
  private final Set<ActiveRule> rulesFiredHere = new HashSet<>();
  private boolean inspecting = true;
  private boolean blackholed;
  /** The rule that {@link #match} returned last, and the one whose drop blackholed the connection. */
  private String lastMatched;
  private String blackholedBy;
  private boolean delivering;
  private boolean closePending;

  ConnectionPort(Connection connection, InspectorSession session, Flow up, Flow down) {
    this.connection = connection;
    this.session = session;
    this.up = up;
    this.down = down;
  }

  boolean inspecting() {
    return inspecting || blackholed;
  }

  /** Hands a chunk to the session (or discards it once blackholed). */
  void deliver(boolean fromClient, ByteBuf data) {
    if (blackholed) {
      data.release();
      return;
    }
    delivering = true;
    try {
      if (fromClient) {
        session.onClientData(data, this);
      } else {
        session.onServerData(data, this);
      }
    } catch (RuntimeException e) {
      LOG.error("proxy [{}] connection {}: inspector [{}] failed; which bytes it had passed on is unknown, so the"
          + " connection is reset rather than relayed corrupt (a bug in the inspector: please report it)",
          connection.proxy().name(), connection.id, connection.proxy().inspector().name(), e);
      connection.reset();
    } finally {
      delivering = false;
    }
    if (closePending) {
      closed();
    }
  }

  @Override
  public void toServer(ByteBuf data) {
    send(up, data, 0);
  }

  @Override
  public void toClient(ByteBuf data) {
    send(down, data, 0);
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    send(up, data, System.nanoTime() + Math.max(1, delay.toNanos()));
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    send(down, data, System.nanoTime() + Math.max(1, delay.toNanos()));
  }

  private void send(Flow flow, ByteBuf data, long notBefore) {
    if (blackholed || connection.isClosed()) {
      data.release();
    } else {
      flow.enqueue(data, notBefore);
    }
  }

  @Override
  public void close() {
    if (!connection.isClosed()) {
      down.enqueueEnd(Outgoing.Kind.CLOSE);
    }
  }

  @Override
  public void reset() {
    connection.reset();
  }

  @Override
  public void blackhole() {
    blackholed = true;
    blackholedBy = lastMatched;
  }

  /** A rule was removed: the connection it blackholed closes, its fault over (nothing it swallowed can resume). */
  void ruleRemoved(String rule) {
    if (blackholed && rule.equals(blackholedBy)) {
      connection.close();
    }
  }

  boolean blackholed() {
    return blackholed;
  }

  @Override
  public Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    Optional<RuleMatch> match = connection.proxy().match(connection.id, direction, facts, rulesFiredHere);
    if (match.isPresent()) { // not ifPresent: its capturing lambda would be allocated per decoded message
      lastMatched = match.get().rule().name();
    }
    return match;
  }

  @Override
  public boolean hasRules(Direction direction) {
    return connection.proxy().hasRules(direction);
  }

  @Override
  public void passThrough(String reason) {
    if (inspecting) {
      inspecting = false;
      LOG.info("proxy [{}] connection {}: relaying raw bytes from now on: {}", connection.proxy().name(),
          connection.id, reason);
    }
  }

  @Override
  public ByteBufAllocator alloc() {
    return connection.client().alloc();
  }

  /** The connection closed: the session releases what it holds, once its current callback returned. */
  void closed() {
    if (delivering) {
      closePending = true;
      return;
    }
    closePending = false;
    try {
      session.onClose();
    } catch (RuntimeException e) {
      LOG.warn("proxy [{}] connection {}: inspector failed on close", connection.proxy().name(), connection.id, e);
    }
  }
}
