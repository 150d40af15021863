package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.DropMode;
import io.netty.buffer.ByteBuf;
import org.apiguardian.api.API;

/**
 * The part of a protocol session that does not depend on the protocol: one {@link FrameBuffer} per
 * direction, a loop per direction that hands the subclass the next frame for as long as it takes
 * one, one write per direction for all the bytes forwarded during a callback (frames that passed and
 * whatever the subclass sent), giving up to plain relay on a {@link FrameDecodeException}, stopping,
 * and the DROP modes.
 *
 * <p>A subclass's frame methods peek at {@link #client()} or {@link #server()}, decide about the next
 * frame there and return {@code true}, or return {@code false} when it is not complete yet. The port
 * they get keeps bytes in order: a write of the subclass's own follows the bytes that passed before it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class FramedSession implements InspectorSession {

  private FrameBuffer client;
  private FrameBuffer server;
  private BatchingPort batching;
  private boolean raw;
  private boolean stopped;

  /** Decides about the next client frame if it is complete; {@code false} to wait for more bytes. */
  protected abstract boolean clientFrame(RelayPort port);

  /** Decides about the next server frame if it is complete; {@code false} to wait for more bytes. */
  protected abstract boolean serverFrame(RelayPort port);

  @Override
  public final void onClientData(ByteBuf data, RelayPort port) {
    onData(data, port, true);
  }

  @Override
  public final void onServerData(ByteBuf data, RelayPort port) {
    onData(data, port, false);
  }

  @Override
  public final void onClose() {
    stop();
  }

  /** The client's bytes, on their way to the server. */
  protected final FrameBuffer client() {
    return client;
  }

  /** The server's bytes, on their way to the client. */
  protected final FrameBuffer server() {
    return server;
  }

  /**
   * Carries out a DROP action's {@code mode} after sending what passed: nothing more is decoded or
   * forwarded by this session.
   */
  protected final void drop(DropMode mode, RelayPort port) {
    forward(client.takePassed(), port, true);
    forward(server.takePassed(), port, false);
    stop();
    port.drop(mode);
  }

  /** Stops decoding and forwarding, e.g. when the connection is about to close; releases what is held. */
  protected final void stop() {
    if (!stopped) {
      stopped = true;
      release();
      onStop();
    }
  }

  /**
   * Gives up decoding: the frames that passed go on, then everything held as it is ({@link #handOver}), and
   * from now on the engine relays plain bytes and logs {@code reason} once ({@link RelayPort#passThrough}).
   */
  protected final void relay(String reason, RelayPort port) {
    raw = true;
    forward(client.takePassed(), port, true);
    forward(server.takePassed(), port, false);
    ByteBuf toServer = client.takeAll();
    ByteBuf toClient = server.takeAll();
    handOver(toServer, toClient, port);
    release();
    port.passThrough(reason);
  }

  /**
   * On {@link #relay}: sends the bytes held (either may be {@code null}) and anything the subclass still
   * holds itself (e.g. replies queued for injection), in the order the peers must see them.
   */
  protected void handOver(ByteBuf toServer, ByteBuf toClient, RelayPort port) {
    if (toServer != null) {
      port.toServer(toServer);
    }
    if (toClient != null) {
      port.toClient(toClient);
    }
  }

  /**
   * Hands the client's held bytes to {@link #clientFrame} again, e.g. when a state change of the
   * other direction lets bytes go that were held back; call from a frame method only.
   */
  protected final void decodeClient(RelayPort port) {
    decode(port, true);
  }

  /** Like {@link #decodeClient}, for the server's held bytes. */
  protected final void decodeServer(RelayPort port) {
    decode(port, false);
  }

  /** Why decoding gives up on {@code e}, for the log: says which peer sent what. */
  protected String undecodable(boolean fromClient, RuntimeException e) {
    return (fromClient ? "client" : "server") + " sent undecodable data: " + e.getMessage();
  }

  /** The session stopped (a DROP, a fatal error, the connection closed): release what the subclass holds. */
  protected void onStop() {}

  private void onData(ByteBuf data, RelayPort relay, boolean fromClient) {
    if (raw) {
      forward(data, relay, fromClient);
    } else if (stopped) {
      data.release();
    } else {
      BatchingPort port = begin(relay);
      try {
        FrameBuffer frames = fromClient ? client : server;
        frames.add(data);
        frames.fill();
        decode(port, fromClient);
      } finally {
        port.end();
      }
    }
  }

  private BatchingPort begin(RelayPort relay) {
    if (client == null) {
      client = new FrameBuffer(relay.alloc());
      server = new FrameBuffer(relay.alloc());
    }
    if (batching == null || !batching.wraps(relay)) {
      batching = new BatchingPort(relay, client, server);
    }
    batching.begin();
    return batching;
  }

  private void decode(RelayPort port, boolean fromClient) {
    FrameBuffer frames = fromClient ? client : server;
    try {
      do {
        while (live() && !frames.streaming() && (fromClient ? clientFrame(port) : serverFrame(port))) {
          // one frame per iteration
        }
      } while (live() && frames.fill());
    } catch (FrameDecodeException | IndexOutOfBoundsException e) {
      relay(undecodable(fromClient, e), port);
    }
  }

  private boolean live() {
    return !stopped && !raw;
  }

  private static void forward(ByteBuf data, RelayPort port, boolean toServer) {
    if (data == null) {
      return;
    } else if (toServer) {
      port.toServer(data);
    } else {
      port.toClient(data);
    }
  }

  private void release() {
    if (client != null) {
      client.release();
      server.release();
    }
  }
}
