package dev.chaosjunit.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Walks an HTTP/1.1 message body as it passes, without buffering it: a fixed length, chunked
 * transfer coding (sizes, extensions, data, trailers), or everything until the connection closes.
 */
final class BodyScanner {

  private static final int MAX_LINE = 8 * 1024;

  private enum State { FIXED, SIZE, DATA, DATA_END, TRAILER, UNTIL_CLOSE, DONE }

  private State state;
  private long left;
  private int lineLength;
  private boolean lineEmpty;
  private int digits;
  private boolean sizeEnded;

  private BodyScanner(State state, long left) {
    this.state = state;
    this.left = left;
  }

  static BodyScanner fixed(long length) {
    return new BodyScanner(length == 0 ? State.DONE : State.FIXED, length);
  }

  static BodyScanner chunked() {
    return new BodyScanner(State.SIZE, 0);
  }

  static BodyScanner untilClose() {
    return new BodyScanner(State.UNTIL_CLOSE, 0);
  }

  boolean done() {
    return state == State.DONE;
  }

  /**
   * Advances {@code buf}'s reader index over body bytes, stopping at the end of the body.
   *
   * @return true when the body is complete
   */
  boolean scan(ByteBuf buf) {
    while (buf.isReadable() && state != State.DONE) {
      switch (state) {
        case FIXED, DATA -> skip(buf);
        case SIZE -> sizeLine(buf);
        case DATA_END -> dataEnd(buf);
        case TRAILER -> trailerLine(buf);
        default -> buf.skipBytes(buf.readableBytes());
      }
    }
    return state == State.DONE;
  }

  private void skip(ByteBuf buf) {
    int n = (int) Math.min(left, buf.readableBytes());
    buf.skipBytes(n);
    left -= n;
    if (left == 0) {
      state = state == State.FIXED ? State.DONE : State.DATA_END;
    }
  }

  private void sizeLine(ByteBuf buf) {
    while (buf.isReadable()) {
      byte b = buf.readByte();
      if (b == '\n') {
        finishSize();
        return;
      }
      countLine();
      int digit = Character.digit(b, 16);
      if (!sizeEnded && digit >= 0) {
        left = left > (Long.MAX_VALUE >> 4) ? fail("chunk size too large") : left * 16 + digit;
        digits++;
      } else if (digits == 0) {
        fail("chunk size is not hexadecimal");
      } else {
        sizeEnded = true;
      }
    }
  }

  private void countLine() {
    if (++lineLength > MAX_LINE) {
      fail("chunk size or trailer line longer than 8 KiB");
    }
  }

  private void finishSize() {
    if (digits == 0) {
      fail("chunk size line without a size");
    }
    state = left == 0 ? State.TRAILER : State.DATA;
    lineLength = 0;
    digits = 0;
    sizeEnded = false;
    lineEmpty = true;
  }

  private void dataEnd(ByteBuf buf) {
    byte b = buf.readByte();
    if (b == '\n') {
      state = State.SIZE;
      left = 0;
    } else if (b != '\r') {
      fail("chunk data longer than its size");
    }
  }

  private void trailerLine(ByteBuf buf) {
    int lf = buf.forEachByte(ByteProcessor.FIND_LF);
    int end = lf < 0 ? buf.writerIndex() : lf;
    for (int i = buf.readerIndex(); i < end; i++) {
      lineEmpty &= buf.getByte(i) == '\r';
      countLine();
    }
    buf.readerIndex(lf < 0 ? end : lf + 1);
    if (lf >= 0) {
      state = lineEmpty ? State.DONE : State.TRAILER;
      lineEmpty = true;
      lineLength = 0;
    }
  }

  private static long fail(String problem) {
    throw new HttpCodecException(problem);
  }
}
