package dev.chaosjunit.proxy.grpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the frames the proxy injects. Header blocks use only HPACK's "literal header field without
 * indexing" representation with plain (non-Huffman) strings, so they never change the receiver's
 * dynamic table: the table state the sender's encoder assumes stays intact.
 */
final class Http2Frames {

  /** RST_STREAM and GOAWAY error codes (RFC 9113, section 7). */
  static final int REFUSED_STREAM = 0x7;
  static final int CANCEL = 0x8;
  /** SETTINGS_MAX_FRAME_SIZE's initial value, the least a peer may advertise (RFC 9113, section 6.5.2). */
  static final int MAX_FRAME_SIZE = 16_384;

  private Http2Frames() {}

  /** A HEADERS frame with END_HEADERS (and END_STREAM if asked) carrying {@code headers} in order. */
  static ByteBuf headers(int streamId, Map<String, String> headers, boolean endStream, ByteBufAllocator alloc) {
    ByteBuf block = alloc.buffer();
    try {
      headers.forEach((name, value) -> literal(block, name, value));
      ByteBuf frame = header(alloc, block.readableBytes(), Http2Frame.HEADERS,
          Http2Frame.END_HEADERS | (endStream ? Http2Frame.END_STREAM : 0), streamId);
      return frame.writeBytes(block);
    } finally {
      block.release();
    }
  }

  /**
   * A complete header block as frames: a HEADERS (or PUSH_PROMISE, naming {@code promisedStream}) frame
   * and CONTINUATION frames, each at most {@link #MAX_FRAME_SIZE} long (the size every peer accepts).
   */
  static ByteBuf headerBlock(byte type, int streamId, int promisedStream, ByteBuf block, boolean endStream,
      ByteBufAllocator alloc) {
    int prefix = type == Http2Frame.PUSH_PROMISE ? 4 : 0;
    int first = Math.min(block.readableBytes(), MAX_FRAME_SIZE - prefix);
    boolean last = first == block.readableBytes();
    int flags = (last ? Http2Frame.END_HEADERS : 0) | (endStream ? Http2Frame.END_STREAM : 0);
    ByteBuf out = header(alloc, prefix + first, type, flags, streamId);
    if (prefix > 0) {
      out.writeInt(promisedStream);
    }
    out.writeBytes(block, first);
    while (block.isReadable()) {
      int length = Math.min(block.readableBytes(), MAX_FRAME_SIZE);
      int end = length == block.readableBytes() ? Http2Frame.END_HEADERS : 0;
      out.writeMedium(length).writeByte(Http2Frame.CONTINUATION).writeByte(end).writeInt(streamId).writeBytes(block, length);
    }
    return out;
  }

  /** A DATA frame (END_STREAM if asked) carrying a copy of {@code payload}. */
  static ByteBuf data(int streamId, ByteBuf payload, boolean endStream, ByteBufAllocator alloc) {
    return header(alloc, payload.readableBytes(), Http2Frame.DATA, endStream ? Http2Frame.END_STREAM : 0, streamId)
        .writeBytes(payload, payload.readerIndex(), payload.readableBytes());
  }

  static ByteBuf rstStream(int streamId, int errorCode, ByteBufAllocator alloc) {
    return header(alloc, 4, Http2Frame.RST_STREAM, 0, streamId).writeInt(errorCode);
  }

  static ByteBuf goAway(int lastStreamId, int errorCode, ByteBufAllocator alloc) {
    return header(alloc, 8, Http2Frame.GOAWAY, 0, 0).writeInt(lastStreamId).writeInt(errorCode);
  }

  static ByteBuf windowUpdate(int streamId, int increment, ByteBufAllocator alloc) {
    return header(alloc, 4, Http2Frame.WINDOW_UPDATE, 0, streamId).writeInt(increment);
  }

  private static ByteBuf header(ByteBufAllocator alloc, int length, byte type, int flags, int streamId) {
    ByteBuf frame = alloc.buffer(Http2Frame.HEADER_LENGTH + length);
    return frame.writeMedium(length).writeByte(type).writeByte(flags).writeInt(streamId & 0x7FFFFFFF);
  }

  /** RFC 7541 6.2.2, new name: 0x00, then name and value as plain string literals. */
  private static void literal(ByteBuf block, String name, String value) {
    block.writeByte(0);
    string(block, name.getBytes(StandardCharsets.US_ASCII));
    string(block, value.getBytes(StandardCharsets.US_ASCII));
  }

  private static void string(ByteBuf block, byte[] bytes) {
    integer(block, 0, 7, bytes.length);
    block.writeBytes(bytes);
  }

  /** RFC 7541 5.1: an integer with an N-bit prefix. */
  private static void integer(ByteBuf block, int firstByteBits, int prefixBits, int value) {
    int max = (1 << prefixBits) - 1;
    if (value < max) {
      block.writeByte(firstByteBits | value);
      return;
    }
    block.writeByte(firstByteBits | max);
    int rest = value - max;
    while (rest >= 0x80) {
      block.writeByte((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    block.writeByte(rest);
  }
}
