package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import org.apiguardian.api.API;

/**
 * The part of a SQL protocol session that does not depend on the protocol: one {@link FrameBuffer}
 * per direction, a loop that hands complete frames to the subclass, forwarding of what passed at the
 * end of each chunk, giving up to plain relay on a {@link ProtocolViolation}, and the DROP modes.
 * A subclass's frame methods return {@code false} when the next frame is not complete yet.
 */
@API(status = INTERNAL, since = "0.1")
public abstract class FramedSession implements InspectorSession {

  protected final ConnectionInfo connection;
  protected FrameBuffer client;
  protected FrameBuffer server;
  private boolean raw;
  private boolean stopped;

  protected FramedSession(ConnectionInfo connection) {
    this.connection = connection;
  }

  /** Handles the next client frame if it is complete; {@code false} to wait for more bytes. */
  protected abstract boolean clientFrame(RelayPort port);

  /** Handles the next server frame if it is complete; {@code false} to wait for more bytes. */
  protected abstract boolean serverFrame(RelayPort port);

  @Override
  public final void onClientData(ByteBuf data, RelayPort port) {
    if (raw) {
      port.toServer(data);
    } else if (accept(data, port, true)) {
      decode(port, true);
    }
  }

  @Override
  public final void onServerData(ByteBuf data, RelayPort port) {
    if (raw) {
      port.toClient(data);
    } else if (accept(data, port, false)) {
      decode(port, false);
    }
  }

  @Override
  public final void onClose() {
    release();
  }

  /** Sends the client bytes that passed so far to the server (before an out-of-band write). */
  protected final void flushClient(RelayPort port) {
    ByteBuf passed = client.takePassed();
    if (passed != null) {
      port.toServer(passed);
    }
  }

  /** Sends the server bytes that passed so far to the client (before an out-of-band write). */
  protected final void flushServer(RelayPort port) {
    ByteBuf passed = server.takePassed();
    if (passed != null) {
      port.toClient(passed);
    }
  }

  /** Carries out a DROP action: nothing more is decoded or forwarded by this session. */
  protected final void drop(Action.Drop drop, RelayPort port) {
    stop();
    port.drop(SqlRules.dropMode(drop));
  }

  /** Stops decoding and forwarding, e.g. after a fatal error that closes the connection. */
  protected final void stop() {
    stopped = true;
    release();
  }

  private boolean accept(ByteBuf data, RelayPort port, boolean fromClient) {
    if (stopped) {
      data.release();
      return false;
    }
    if (client == null) {
      client = new FrameBuffer(port.alloc());
      server = new FrameBuffer(port.alloc());
    }
    (fromClient ? client : server).add(data);
    return true;
  }

  private void decode(RelayPort port, boolean fromClient) {
    try {
      FrameBuffer frames = fromClient ? client : server;
      while (!stopped && !frames.streaming() && (fromClient ? clientFrame(port) : serverFrame(port))) {
        // one frame per iteration
      }
    } catch (ProtocolViolation | IndexOutOfBoundsException e) {
      giveUp(port, (fromClient ? "client" : "server") + " sent undecodable data (" + e.getMessage() + ")");
      return;
    }
    if (!stopped) {
      flushClient(port);
      flushServer(port);
    }
  }

  private void giveUp(RelayPort port, String reason) {
    raw = true;
    port.passThrough(reason + " on connection " + connection.connectionId());
    ByteBuf toServer = client.takeAll();
    ByteBuf toClient = server.takeAll();
    release();
    if (toServer != null) {
      port.toServer(toServer);
    }
    if (toClient != null) {
      port.toClient(toClient);
    }
  }

  private void release() {
    if (client != null) {
      client.release();
      server.release();
    }
  }
}
