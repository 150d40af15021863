package dev.chaosjunit.proxy.mysql;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/** Layout constants, encoders and readers for the MySQL client/server protocol packets we touch. */
final class MyPackets {

  static final int HEADER = 4;
  static final int MAX_PAYLOAD = 0xFFFFFF;
  static final int CLIENT_COMPRESS = 0x20;
  static final int CLIENT_SSL = 0x800;
  static final int CLIENT_ZSTD_COMPRESSION = 1 << 26;
  static final int CLIENT_QUERY_ATTRIBUTES = 1 << 27;

  static final byte COM_QUIT = 0x01;
  static final byte COM_QUERY = 0x03;
  static final byte COM_CHANGE_USER = 0x11;
  static final byte COM_STMT_PREPARE = 0x16;
  static final byte COM_STMT_EXECUTE = 0x17;
  static final byte COM_STMT_SEND_LONG_DATA = 0x18;
  static final byte COM_STMT_CLOSE = 0x19;
  static final byte COM_STMT_BULK_EXECUTE = (byte) 0xFA;

  static final int OK = 0x00;
  static final int ERR = 0xFF;

  private MyPackets() {}

  /** An ERR packet: 0xFF, error number, '#', SQLSTATE, message. */
  static ByteBuf err(ByteBufAllocator alloc, int sequenceId, MyFault fault) {
    byte[] message = fault.message().getBytes(StandardCharsets.UTF_8);
    ByteBuf out = alloc.buffer(HEADER + 9 + message.length);
    out.writeMediumLE(9 + message.length).writeByte(sequenceId);
    out.writeByte(ERR).writeShortLE(fault.errorNumber()).writeByte('#');
    out.writeCharSequence(fault.sqlState(), StandardCharsets.US_ASCII);
    return out.writeBytes(message);
  }

  /** A command packet (sequence id 0) with a text argument, e.g. COM_QUERY. */
  static ByteBuf command(ByteBufAllocator alloc, byte command, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf out = alloc.buffer(HEADER + 1 + bytes.length);
    out.writeMediumLE(1 + bytes.length).writeByte(0).writeByte(command);
    return out.writeBytes(bytes);
  }

  /** The message of an ERR packet whose payload starts at {@code from} (the 0xFF byte). */
  static String errMessage(ByteBuf buf, int from, int end) {
    int text = from + 3;
    if (text < end && buf.getByte(text) == '#') {
      text += 6;
    }
    return text >= end ? "" : buf.toString(text, end - text, StandardCharsets.UTF_8);
  }

  /**
   * Clears CLIENT_SSL and CLIENT_QUERY_ATTRIBUTES in a server greeting (Protocol::HandshakeV10) in
   * place, so that clients preferring TLS go on in plaintext and COM_QUERY carries the bare SQL.
   */
  static void clearGreetingCapabilities(ByteBuf buf, int from, int end) {
    if (buf.getUnsignedByte(from) != 10) {
      throw new FrameDecodeException("server greeting of protocol version " + buf.getUnsignedByte(from) + ", 10 expected");
    }
    int versionEnd = buf.indexOf(from + 1, end, (byte) 0);
    if (versionEnd < 0) {
      throw new FrameDecodeException("server greeting without a NUL-terminated version");
    }
    int lower = versionEnd + 1 + 4 + 8 + 1;
    if (lower + 2 > end) {
      throw new FrameDecodeException("server greeting of " + (end - from) + " bytes ends before its capability flags");
    }
    buf.setShortLE(lower, buf.getUnsignedShortLE(lower) & ~CLIENT_SSL);
    int upper = lower + 2 + 1 + 2;
    if (upper + 2 <= end) {
      buf.setShortLE(upper, buf.getUnsignedShortLE(upper) & ~(CLIENT_QUERY_ATTRIBUTES >>> 16));
    }
  }

  /** Refuses (as a protocol violation) a handshake response asking for TLS or compression. */
  static void checkClientCapabilities(int capabilities) {
    if ((capabilities & CLIENT_SSL) != 0) {
      throw new FrameDecodeException("the client starts TLS although the proxy removed CLIENT_SSL from the "
          + "server's greeting; use sslMode=PREFERRED or DISABLED to inspect this connection");
    }
    if ((capabilities & (CLIENT_COMPRESS | CLIENT_ZSTD_COMPRESSION)) != 0) {
      throw new FrameDecodeException("the client asked for the compressed protocol, which the proxy does "
          + "not inspect; turn compression off to inject SQL faults");
    }
  }

  /** The statement id of a COM_STMT_* command whose payload spans {@code payload..end}. */
  static int statementId(ByteBuf buf, int payload, int end) {
    if (end - payload < 5) {
      throw new FrameDecodeException("statement command of " + (end - payload) + " bytes, without a statement id");
    }
    return buf.getIntLE(payload + 1);
  }
}
