package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import org.apiguardian.api.API;

/**
 * The per-connection state of a {@link ProtocolInspector}: it sees every chunk in both directions, in
 * order, on the connection's event loop (never concurrently), and decides what is forwarded.
 *
 * <p>Contract: the relay is full duplex; both methods may be called in any interleaving. A session
 * takes ownership of each {@code data} buffer: it must forward it (through {@link RelayPort}), keep it
 * for a later frame, or release it. A session that cannot decode the traffic calls
 * {@link RelayPort#passThrough(String)} and forwards what it holds; from then on the engine relays
 * bytes without calling it. A session must never throw for malformed input.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface InspectorSession {

  /** Bytes the client sent, on their way to the server. */
  void onClientData(ByteBuf data, RelayPort port);

  /** Bytes the server sent, on their way to the client. */
  void onServerData(ByteBuf data, RelayPort port);

  /** The connection is closed (either side); release what is held. */
  default void onClose() {}
}
