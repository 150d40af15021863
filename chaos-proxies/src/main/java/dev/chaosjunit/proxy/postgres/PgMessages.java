package dev.chaosjunit.proxy.postgres;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import java.nio.charset.StandardCharsets;

/** Encoders and bounds-checked field readers for the PostgreSQL v3 wire protocol messages we touch. */
final class PgMessages {

  static final int SSL_REQUEST = 80877103;
  static final int GSSENC_REQUEST = 80877104;
  static final int CANCEL_REQUEST = 80877102;
  static final int MAX_STARTUP_LENGTH = 10_000;
  static final int MAX_MESSAGE_LENGTH = 1 << 30;
  /** The client messages read whole: Query, Execute, Parse, Bind, Close; all others stream through. */
  static final String STATEMENT_TYPES = "QEPBC";

  private PgMessages() {}

  /** The one-byte answer that declines SSL or GSS encryption; the client goes on in plaintext. */
  static ByteBuf declineEncryption(ByteBufAllocator alloc) {
    return alloc.buffer(1).writeByte('N');
  }

  /** An ErrorResponse with severity (S and V), SQLSTATE (C) and message (M). */
  static ByteBuf errorResponse(ByteBufAllocator alloc, PgFault fault) {
    ByteBuf out = alloc.buffer();
    out.writeByte('E').writeInt(0);
    field(out, 'S', fault.severity());
    field(out, 'V', fault.severity());
    field(out, 'C', fault.code());
    field(out, 'M', fault.message());
    out.writeByte(0);
    return out.setInt(1, out.writerIndex() - 1);
  }

  /** A simple Query message. */
  static ByteBuf query(ByteBufAllocator alloc, String sql) {
    ByteBuf out = alloc.buffer();
    out.writeByte('Q').writeInt(0);
    cstring(out, sql);
    return out.setInt(1, out.writerIndex() - 1);
  }

  /** A Parse message for the unnamed statement without parameter types. */
  static ByteBuf parse(ByteBufAllocator alloc, String sql) {
    ByteBuf out = alloc.buffer();
    out.writeByte('P').writeInt(0);
    cstring(out, "");
    cstring(out, sql);
    out.writeShort(0);
    return out.setInt(1, out.writerIndex() - 1);
  }

  /** The index just past the NUL ending the string that starts at {@code from}, before {@code end}. */
  static int stringEnd(ByteBuf buf, int from, int end) {
    int nul = buf.indexOf(from, end, (byte) 0);
    if (nul < 0) {
      throw new FrameDecodeException("string field without its NUL terminator");
    }
    return nul + 1;
  }

  /** The NUL-terminated string starting at {@code from}. */
  static String string(ByteBuf buf, int from, int end) {
    return buf.toString(from, stringEnd(buf, from, end) - 1 - from, StandardCharsets.UTF_8);
  }

  /** A statement or portal name: as {@link #string}, but the unnamed one ({@code ""}) is not decoded. */
  static String name(ByteBuf buf, int from, int end) {
    return from < end && buf.getByte(from) == 0 ? "" : string(buf, from, end);
  }

  /** The one-byte field at {@code at}, e.g. Close's 'S' or 'P'. */
  static byte kind(ByteBuf buf, int at, int end) {
    if (at >= end) {
      throw new FrameDecodeException("message too short for its fields");
    }
    return buf.getByte(at);
  }

  /** The value of one field (e.g. 'M') of an ErrorResponse or NoticeResponse body, or {@code null}. */
  static String errorField(ByteBuf buf, int from, int end, char code) {
    int at = from;
    while (at < end && buf.getByte(at) != 0) {
      byte type = buf.getByte(at);
      int valueEnd = stringEnd(buf, at + 1, end);
      if (type == code) {
        return buf.toString(at + 1, valueEnd - 2 - at, StandardCharsets.UTF_8);
      }
      at = valueEnd;
    }
    return null;
  }

  private static void field(ByteBuf out, char type, String value) {
    out.writeByte(type);
    cstring(out, value);
  }

  private static void cstring(ByteBuf out, String value) {
    out.writeCharSequence(value, StandardCharsets.UTF_8);
    out.writeByte(0);
  }
}
