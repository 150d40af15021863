package dev.chaosjunit.proxy.redis;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Decodes client commands: RESP arrays of bulk strings, or inline commands (a line of words separated
 * by blanks, as redis-cli and telnet send them; quotes are not interpreted). Stateless: it re-reads a
 * command from its first byte until the command is complete, jumping over bulk payloads by length.
 * Limits are Redis's own: 1M arguments, 512 MiB per argument, 64 KiB per inline line.
 */
final class RespRequestDecoder {

  private static final int MAX_ARGS = 1024 * 1024;
  private static final long MAX_BULK = 512L * 1024 * 1024;
  private static final int MAX_INLINE = 64 * 1024;

  /**
   * Decodes the command at {@code buf}'s reader index and moves the reader index past it.
   *
   * @return the command, or null (reader index unchanged) when more bytes are needed
   * @throws RedisCodecException when the bytes are not a command
   */
  RedisRequest decode(ByteBuf buf) {
    if (!buf.isReadable()) {
      return null;
    }
    return buf.getByte(buf.readerIndex()) == '*' ? decodeArray(buf) : decodeInline(buf);
  }

  private RedisRequest decodeArray(ByteBuf buf) {
    int start = buf.readerIndex();
    int[] pos = {start + 1};
    long count = readLength(buf, pos, '*');
    if (count < 0) {
      return null;
    }
    if (count > MAX_ARGS) {
      throw new RedisCodecException("command with [" + count + "] arguments exceeds Redis's limit of 1048576");
    }
    int[] offsets = new int[(int) count];
    int[] lengths = new int[(int) count];
    for (int i = 0; i < count; i++) {
      if (!readArg(buf, pos, offsets, lengths, i)) {
        return null;
      }
    }
    buf.readerIndex(pos[0]);
    return new RedisRequest(buf, start, pos[0], offsets, lengths);
  }

  private static boolean readArg(ByteBuf buf, int[] pos, int[] offsets, int[] lengths, int i) {
    if (pos[0] >= buf.writerIndex()) {
      return false;
    }
    if (buf.getByte(pos[0]) != '$') {
      throw new RedisCodecException("command argument " + i + " is not a bulk string");
    }
    pos[0]++;
    long length = readLength(buf, pos, '$');
    if (length < 0 || pos[0] + length + 2 > buf.writerIndex()) {
      return false;
    }
    offsets[i] = pos[0];
    lengths[i] = (int) length;
    pos[0] += (int) length;
    if (buf.getByte(pos[0]) != '\r' || buf.getByte(pos[0] + 1) != '\n') {
      throw new RedisCodecException("command argument " + i + " is longer than its declared length");
    }
    pos[0] += 2;
    return true;
  }

  /** Reads digits up to CRLF from pos[0]; returns -1 if the line is incomplete. */
  private static long readLength(ByteBuf buf, int[] pos, char type) {
    int cr = buf.indexOf(pos[0], Math.min(buf.writerIndex(), pos[0] + 16), (byte) '\r');
    if (cr < 0 || cr + 1 >= buf.writerIndex()) {
      if (buf.writerIndex() - pos[0] >= 16) {
        throw new RedisCodecException("RESP length after [" + type + "] is not a number");
      }
      return -1;
    }
    long value = parseDigits(buf, pos[0], cr, type);
    if (buf.getByte(cr + 1) != '\n') {
      throw new RedisCodecException("RESP line not terminated by CRLF");
    }
    pos[0] = cr + 2;
    return value;
  }

  private static long parseDigits(ByteBuf buf, int from, int to, char type) {
    if (from == to) {
      throw new RedisCodecException("RESP length after [" + type + "] is empty");
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      byte b = buf.getByte(i);
      if (b < '0' || b > '9') {
        throw new RedisCodecException("RESP length after [" + type + "] is not a number");
      }
      value = value * 10 + (b - '0');
    }
    if (value > MAX_BULK) {
      throw new RedisCodecException("RESP length [" + value + "] exceeds 512 MiB");
    }
    return value;
  }

  private RedisRequest decodeInline(ByteBuf buf) {
    int start = buf.readerIndex();
    int lf = buf.forEachByte(start, Math.min(buf.readableBytes(), MAX_INLINE), ByteProcessor.FIND_LF);
    if (lf < 0) {
      if (buf.readableBytes() >= MAX_INLINE) {
        throw new RedisCodecException("inline command longer than 64 KiB");
      }
      return null;
    }
    int lineEnd = lf > start && buf.getByte(lf - 1) == '\r' ? lf - 1 : lf;
    InlineWords words = InlineWords.split(buf, start, lineEnd);
    buf.readerIndex(lf + 1);
    return new RedisRequest(buf, start, lf + 1, words.offsets(), words.lengths());
  }
}
