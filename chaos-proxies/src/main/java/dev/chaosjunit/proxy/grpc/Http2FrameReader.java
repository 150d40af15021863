package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.internal.PendingBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts one direction of an HTTP/2 connection into frames, across chunk boundaries. On the client
 * side the connection preface comes first: it is handed on as raw bytes, and anything else there (TLS,
 * garbage) is reported as not decodable.
 */
final class Http2FrameReader {

  static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private boolean expectPreface;
  private final PendingBytes pending = new PendingBytes();

  Http2FrameReader(boolean expectPreface) {
    this.expectPreface = expectPreface;
  }

  /**
   * Adds {@code data} (taking ownership) and emits the preface (if expected) and each complete frame.
   *
   * @throws Http2DecodeException when the client does not start with the HTTP/2 preface
   */
  void read(ByteBuf data, ByteBufAllocator alloc, Consumer<ByteBuf> preface, Consumer<Http2Frame> frames) {
    pending.append(data, alloc);
    if (expectPreface && !readPreface(preface)) {
      return;
    }
    while (pending.readableBytes() >= Http2Frame.HEADER_LENGTH) {
      ByteBuf held = pending.peek();
      int length = held.getUnsignedMedium(held.readerIndex());
      if (pending.readableBytes() < Http2Frame.HEADER_LENGTH + length) {
        return;
      }
      frames.accept(new Http2Frame(pending.take(Http2Frame.HEADER_LENGTH + length)));
    }
  }

  /** Hands back what is held (a partial frame), or null. */
  ByteBuf drain() {
    return pending.drain();
  }

  void release() {
    pending.release();
  }

  private boolean readPreface(Consumer<ByteBuf> preface) {
    ByteBuf held = pending.peek();
    int available = Math.min(held.readableBytes(), PREFACE.length);
    for (int i = 0; i < available; i++) {
      if (held.getByte(held.readerIndex() + i) != PREFACE[i]) {
        throw new Http2DecodeException("the client did not send the HTTP/2 preface but ["
            + ByteBufUtil.hexDump(held, held.readerIndex(), available) + "]");
      }
    }
    if (available < PREFACE.length) {
      return false;
    }
    expectPreface = false;
    preface.accept(pending.take(PREFACE.length));
    return true;
  }
}
