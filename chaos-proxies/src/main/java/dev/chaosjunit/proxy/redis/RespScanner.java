package dev.chaosjunit.proxy.redis;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Walks server replies (RESP2 and RESP3) byte by byte without buffering them, so they can be forwarded
 * as they arrive, and tells where each top-level reply ends. Bulk payloads are skipped by length;
 * attributes ({@code |}) do not count as replies. Lengths are bounds-checked.
 */
final class RespScanner {

  private static final int MAX_DEPTH = 64;
  private static final long MAX_BULK = 512L * 1024 * 1024;
  private static final int MAX_CAPTURE = 16;
  private static final Set<String> PUBSUB_KINDS = Set.of("message", "pmessage", "smessage", "subscribe",
      "unsubscribe", "psubscribe", "punsubscribe", "ssubscribe", "sunsubscribe");
  private static final Set<String> CONFIRMATIONS = Set.of("subscribe", "unsubscribe", "psubscribe",
      "punsubscribe", "ssubscribe", "sunsubscribe");

  private enum State { TYPE, NUMBER, NUMBER_LF, LINE, BULK }

  private final long[] remaining = new long[MAX_DEPTH];
  private final boolean[] attribute = new boolean[MAX_DEPTH];
  private int depth;
  private State state = State.TYPE;
  private byte type;
  private long number;
  private boolean negative;
  private int digits;
  private long bulkLeft;
  private boolean inValue;
  private byte topType;
  private long topCount;
  private long topIndex;
  private final byte[] captured = new byte[MAX_CAPTURE];
  private int capturedLength = -1;

  /** Whether the last byte scanned left a top-level reply unfinished. */
  boolean inValue() {
    return inValue;
  }

  /** The type byte of the current (or last completed) top-level reply. */
  byte topType() {
    return topType;
  }

  /** Whether the last completed reply has the shape of a pub/sub message or confirmation. */
  boolean isPubSubShape() {
    return (topCount == 3 || topCount == 4) && capturedLength >= 0 && PUBSUB_KINDS.contains(firstElement());
  }

  /** Whether the last completed reply confirms a (un)subscription (RESP2 array or RESP3 push). */
  boolean isConfirmation() {
    return topCount == 3 && capturedLength >= 0 && CONFIRMATIONS.contains(firstElement());
  }

  private String firstElement() {
    return new String(captured, 0, capturedLength, StandardCharsets.US_ASCII);
  }

  /**
   * Advances {@code buf}'s reader index up to the end of the next top-level reply.
   *
   * @return true if a reply ended there, false if the buffer ran out first
   * @throws RedisCodecException for bytes that are not RESP
   */
  boolean scan(ByteBuf buf) {
    while (buf.isReadable()) {
      if (step(buf)) {
        return true;
      }
    }
    return false;
  }

  private boolean step(ByteBuf buf) {
    switch (state) {
      case TYPE:
        return onType(buf.readByte());
      case NUMBER:
        readNumber(buf);
        return false;
      case NUMBER_LF:
        expectLf(buf.readByte());
        return onHeader();
      case LINE:
        return skipLine(buf);
      default:
        return skipBulk(buf);
    }
  }

  private boolean onType(byte b) {
    if (depth == 0) {
      inValue = true;
      topType = b;
      topCount = -1;
      topIndex = 0;
      capturedLength = -1;
    }
    type = b;
    switch (b) {
      case '+': case '-': case ':': case ',': case '#': case '_': case '(':
        state = State.LINE;
        return false;
      case '$': case '!': case '=': case '*': case '~': case '>': case '%': case '|':
        state = State.NUMBER;
        number = 0;
        negative = false;
        digits = 0;
        return false;
      default:
        throw new RedisCodecException("unknown RESP type byte [0x" + Integer.toHexString(b & 0xff) + "]");
    }
  }

  private void readNumber(ByteBuf buf) {
    byte b = buf.readByte();
    if (b == '\r') {
      if (digits == 0) {
        throw new RedisCodecException("RESP length without digits after [" + (char) type + "]");
      }
      state = State.NUMBER_LF;
    } else if (b == '-' && digits == 0 && !negative) {
      negative = true;
    } else if (b >= '0' && b <= '9' && digits < 12) {
      number = number * 10 + (b - '0');
      digits++;
    } else {
      throw new RedisCodecException("bad RESP length byte [0x" + Integer.toHexString(b & 0xff) + "]");
    }
  }

  private static void expectLf(byte b) {
    if (b != '\n') {
      throw new RedisCodecException("RESP line not terminated by CRLF");
    }
  }

  private boolean onHeader() {
    long n = negative ? -number : number;
    if (n == -1 && (type == '$' || type == '*')) {
      state = State.TYPE;
      return valueDone();
    }
    if (n < 0) {
      throw new RedisCodecException("negative RESP length [" + n + "]");
    }
    return type == '$' || type == '!' || type == '=' ? startBulk(n) : startAggregate(n);
  }

  private boolean startBulk(long n) {
    if (n > MAX_BULK) {
      throw new RedisCodecException("RESP bulk length [" + n + "] exceeds 512 MiB");
    }
    capturedLength = capturing() && n <= MAX_CAPTURE ? 0 : capturedLength;
    bulkLeft = n + 2;
    state = State.BULK;
    return false;
  }

  private boolean capturing() {
    return depth == 1 && topIndex == 0 && (topType == '*' || topType == '>');
  }

  private boolean startAggregate(long n) {
    long count = type == '%' || type == '|' ? n * 2 : n;
    if (depth == 0) {
      topCount = count;
    }
    state = State.TYPE;
    if (count == 0) {
      return type == '|' ? false : valueDone();
    }
    if (depth == MAX_DEPTH) {
      throw new RedisCodecException("RESP nesting deeper than " + MAX_DEPTH);
    }
    remaining[depth] = count;
    attribute[depth] = type == '|';
    depth++;
    return false;
  }

  private boolean skipLine(ByteBuf buf) {
    int lf = buf.forEachByte(ByteProcessor.FIND_LF);
    if (lf < 0) {
      buf.readerIndex(buf.writerIndex());
      return false;
    }
    buf.readerIndex(lf + 1);
    state = State.TYPE;
    return valueDone();
  }

  private boolean skipBulk(ByteBuf buf) {
    int n = (int) Math.min(bulkLeft, buf.readableBytes());
    if (capturedLength >= 0 && capturing() && bulkLeft > 2) {
      int payload = (int) Math.min(n, bulkLeft - 2);
      buf.getBytes(buf.readerIndex(), captured, capturedLength, payload);
      capturedLength += payload;
    }
    buf.skipBytes(n);
    bulkLeft -= n;
    if (bulkLeft > 0) {
      return false;
    }
    state = State.TYPE;
    return valueDone();
  }

  /** One value is complete: pops finished aggregates; true when the top-level reply is complete. */
  private boolean valueDone() {
    while (depth > 0) {
      if (depth == 1) {
        topIndex++;
      }
      if (--remaining[depth - 1] > 0) {
        return false;
      }
      depth--;
      if (attribute[depth]) {
        return false;
      }
    }
    inValue = false;
    return true;
  }
}
