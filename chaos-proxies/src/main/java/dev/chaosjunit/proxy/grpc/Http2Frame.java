package dev.chaosjunit.proxy.grpc;

import io.netty.buffer.ByteBuf;

/**
 * One HTTP/2 frame as it travels: the whole frame (9-byte header and payload), which the owner
 * forwards or releases, plus its decoded header fields.
 */
final class Http2Frame {

  static final int HEADER_LENGTH = 9;

  static final byte DATA = 0x0;
  static final byte HEADERS = 0x1;
  static final byte RST_STREAM = 0x3;
  static final byte SETTINGS = 0x4;
  static final byte PUSH_PROMISE = 0x5;
  static final byte GOAWAY = 0x7;
  static final byte WINDOW_UPDATE = 0x8;
  static final byte CONTINUATION = 0x9;

  static final int END_STREAM = 0x1;
  static final int END_HEADERS = 0x4;
  static final int PADDED = 0x8;
  static final int PRIORITY = 0x20;

  final ByteBuf bytes;
  final byte type;
  final int flags;
  final int streamId;
  final int length;

  Http2Frame(ByteBuf bytes) {
    this.bytes = bytes;
    int start = bytes.readerIndex();
    this.length = bytes.getUnsignedMedium(start);
    this.type = bytes.getByte(start + 3);
    this.flags = bytes.getUnsignedByte(start + 4);
    this.streamId = bytes.getInt(start + 5) & 0x7FFFFFFF;
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /** The header block fragment of a HEADERS, PUSH_PROMISE or CONTINUATION frame (a view, not retained). */
  ByteBuf headerBlockFragment() {
    int offset = bytes.readerIndex() + HEADER_LENGTH;
    int end = offset + length;
    if (type != CONTINUATION && has(PADDED)) {
      end -= bytes.getUnsignedByte(offset);
      offset++;
    }
    if (type == HEADERS && has(PRIORITY)) {
      offset += 5;
    } else if (type == PUSH_PROMISE) {
      offset += 4;
    }
    if (end < offset) {
      throw new Http2DecodeException("frame of type [" + type + "] on stream [" + streamId
          + "] has more padding than payload");
    }
    return bytes.slice(offset, end - offset);
  }

  /** The payload of a DATA frame without padding (a view, not retained). */
  ByteBuf data() {
    int offset = bytes.readerIndex() + HEADER_LENGTH;
    int end = offset + length;
    if (has(PADDED)) {
      end -= bytes.getUnsignedByte(offset);
      offset++;
    }
    if (end < offset) {
      throw new Http2DecodeException("DATA frame on stream [" + streamId + "] has more padding than payload");
    }
    return bytes.slice(offset, end - offset);
  }
}
