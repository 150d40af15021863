package dev.chaosjunit.proxy.grpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts one direction of an HTTP/2 connection into frames, across chunk boundaries. On the client
 * side the connection preface comes first: it is handed on as raw bytes, and anything else there (an
 * HTTP/1.1 request, TLS) is reported as not decodable.
 */
final class Http2FrameReader {

  static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private boolean expectPreface;
  private ByteBuf pending;

  Http2FrameReader(boolean expectPreface) {
    this.expectPreface = expectPreface;
  }

  /**
   * Adds {@code data} (taking ownership) and emits the preface (if expected) and each complete frame.
   *
   * @throws Http2DecodeException when the client does not start with the HTTP/2 preface
   */
  void read(ByteBuf data, ByteBufAllocator alloc, Consumer<ByteBuf> preface, Consumer<Http2Frame> frames) {
    append(data, alloc);
    if (expectPreface && !readPreface(preface)) {
      return;
    }
    while (pending != null && pending.readableBytes() >= Http2Frame.HEADER_LENGTH) {
      int length = pending.getUnsignedMedium(pending.readerIndex());
      if (pending.readableBytes() < Http2Frame.HEADER_LENGTH + length) {
        return;
      }
      ByteBuf frame = pending.readRetainedSlice(Http2Frame.HEADER_LENGTH + length);
      releaseIfDrained();
      frames.accept(new Http2Frame(frame));
    }
  }

  /** Hands back what is held (a partial frame), or null. */
  ByteBuf drain() {
    ByteBuf rest = pending;
    pending = null;
    return rest;
  }

  void release() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }

  private boolean readPreface(Consumer<ByteBuf> preface) {
    int available = Math.min(pending.readableBytes(), PREFACE.length);
    for (int i = 0; i < available; i++) {
      if (pending.getByte(pending.readerIndex() + i) != PREFACE[i]) {
        throw new Http2DecodeException("the client did not send the HTTP/2 preface (h2c with prior knowledge"
            + " is required) but [" + ByteBufUtil.hexDump(pending, pending.readerIndex(), available) + "]");
      }
    }
    if (available < PREFACE.length) {
      return false;
    }
    expectPreface = false;
    ByteBuf bytes = pending.readRetainedSlice(PREFACE.length);
    releaseIfDrained();
    preface.accept(bytes);
    return true;
  }

  private void append(ByteBuf data, ByteBufAllocator alloc) {
    if (pending == null) {
      pending = data;
      return;
    }
    boolean exclusive = pending.refCnt() == 1 && !pending.isReadOnly();
    if (!exclusive || pending.maxWritableBytes() < data.readableBytes()) {
      ByteBuf grown = alloc.buffer(Math.max(256, 2 * (pending.readableBytes() + data.readableBytes())));
      grown.writeBytes(pending);
      pending.release();
      pending = grown;
    }
    pending.writeBytes(data);
    data.release();
  }

  private void releaseIfDrained() {
    if (pending != null && !pending.isReadable()) {
      pending.release();
      pending = null;
    }
  }
}
