package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import java.util.function.Supplier;

/**
 * Chooses a connection's session from the client's first bytes: HTTP/2 when they begin the connection
 * preface ({@code PRI * HTTP/2.0}, no HTTP/1.1 method starts with {@code PRI}), else HTTP/1.1. Holds the
 * client's bytes only while they are too few to tell (fewer than {@value #DECISIVE} bytes that begin the
 * preface). An HTTP/2 server may send its SETTINGS before the client's preface arrives: server bytes that
 * begin like a SETTINGS frame wait for the client's decision; any other server bytes first make it HTTP/1.1.
 */
final class PrefaceSniffer implements InspectorSession {

  static final int DECISIVE = 3;

  private final Supplier<InspectorSession> http2;
  private final Supplier<InspectorSession> http1;
  private InspectorSession chosen;
  private CompositeByteBuf held;
  private CompositeByteBuf heldFromServer;

  PrefaceSniffer(Supplier<InspectorSession> http2, Supplier<InspectorSession> http1) {
    this.http2 = http2;
    this.http1 = http1;
  }

  @Override
  public void onClientData(ByteBuf data, RelayPort port) {
    if (chosen != null) {
      chosen.onClientData(data, port);
      return;
    }
    held = append(held, data, port);
    boolean preface = Http2FrameReader.startsPreface(held);
    if (preface && held.readableBytes() < DECISIVE) {
      return;
    }
    choose(preface ? http2.get() : http1.get(), port);
  }

  @Override
  public void onServerData(ByteBuf data, RelayPort port) {
    if (chosen != null) {
      chosen.onServerData(data, port);
      return;
    }
    heldFromServer = append(heldFromServer, data, port);
    if (!beginsSettings(heldFromServer)) {
      choose(http1.get(), port);
    }
  }

  /** {@code data} (taking ownership) after the bytes held from that side so far, if any. */
  private static CompositeByteBuf append(CompositeByteBuf held, ByteBuf data, RelayPort port) {
    return (held == null ? port.alloc().compositeBuffer() : held).addComponent(true, data);
  }

  /** Whether the bytes (as far as they go) may begin an HTTP/2 SETTINGS frame on stream 0. */
  private static boolean beginsSettings(ByteBuf bytes) {
    int start = bytes.readerIndex();
    int known = Math.min(bytes.readableBytes(), Http2Frame.HEADER_LENGTH);
    for (int i = 5; i < known; i++) {
      int streamIdBits = bytes.getByte(start + i) & (i == 5 ? 0x7F : 0xFF);
      if (streamIdBits != 0) {
        return false;
      }
    }
    return known <= 3 || bytes.getByte(start + 3) == Http2Frame.SETTINGS;
  }

  /** Hands the held bytes, the client's first, to the chosen session. */
  private void choose(InspectorSession session, RelayPort port) {
    chosen = session;
    ByteBuf client = held;
    ByteBuf server = heldFromServer;
    held = null;
    heldFromServer = null;
    if (client != null) {
      chosen.onClientData(client, port);
    }
    if (server != null) {
      chosen.onServerData(server, port);
    }
  }

  @Override
  public void onClose() {
    for (ByteBuf bytes : new ByteBuf[] {held, heldFromServer}) {
      if (bytes != null) {
        bytes.release();
      }
    }
    held = null;
    heldFromServer = null;
    if (chosen != null) {
      chosen.onClose();
    }
  }
}
