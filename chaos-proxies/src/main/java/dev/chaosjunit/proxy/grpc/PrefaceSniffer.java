package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import java.util.function.Supplier;

/**
 * Chooses a connection's session from the client's first bytes: HTTP/2 when they begin the connection
 * preface ({@code PRI * HTTP/2.0}, no HTTP/1.1 method starts with {@code PRI}), else HTTP/1.1. Holds the
 * client's bytes only while they are too few to tell (fewer than {@value #DECISIVE} bytes that begin the preface).
 */
final class PrefaceSniffer implements InspectorSession {

  static final int DECISIVE = 3;

  private final Supplier<InspectorSession> http2;
  private final Supplier<InspectorSession> http1;
  private InspectorSession chosen;
  private CompositeByteBuf held;

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
    if (held == null) {
      held = port.alloc().compositeBuffer();
    }
    held.addComponent(true, data);
    boolean preface = Http2FrameReader.startsPreface(held);
    if (preface && held.readableBytes() < DECISIVE) {
      return;
    }
    chosen = preface ? http2.get() : http1.get();
    ByteBuf bytes = held;
    held = null;
    chosen.onClientData(bytes, port);
  }

  /** A server that speaks first is not HTTP/2 with prior knowledge (the client's preface comes first). */
  @Override
  public void onServerData(ByteBuf data, RelayPort port) {
    if (chosen == null) {
      chosen = http1.get();
      if (held != null) {
        ByteBuf bytes = held;
        held = null;
        chosen.onClientData(bytes, port);
      }
    }
    chosen.onServerData(data, port);
  }

  @Override
  public void onClose() {
    if (held != null) {
      held.release();
      held = null;
    }
    if (chosen != null) {
      chosen.onClose();
    }
  }
}
