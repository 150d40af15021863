package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;

/**
 * Cuts one direction of an HTTP/2 connection into frames. On the client side the connection preface
 * comes first: it passes as it is, and anything else there (TLS, garbage) is reported as not decodable.
 */
final class Http2FrameReader {

  static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private boolean expectPreface;

  Http2FrameReader(boolean expectPreface) {
    this.expectPreface = expectPreface;
  }

  /**
   * Takes the next complete frame off {@code frames} (after letting the preface pass, if expected), or
   * returns null when it is not complete yet.
   *
   * @throws Http2DecodeException when the client does not start with the HTTP/2 preface
   */
  Http2Frame next(FrameBuffer frames) {
    if (expectPreface && !preface(frames)) {
      return null;
    }
    if (!frames.need(Http2Frame.HEADER_LENGTH)) {
      return null;
    }
    int length = Http2Frame.HEADER_LENGTH + frames.view().getUnsignedMedium(frames.view().readerIndex());
    return frames.need(length) ? new Http2Frame(frames.take(length)) : null;
  }

  private boolean preface(FrameBuffer frames) {
    if (frames.readable() == 0) {
      return false;
    }
    if (!startsPreface(frames.view())) {
      throw new Http2DecodeException("the client did not send the HTTP/2 preface but ["
          + ByteBufUtil.hexDump(frames.view(), frames.view().readerIndex(), Math.min(frames.readable(), PREFACE.length)) + "]");
    }
    if (!frames.need(PREFACE.length)) {
      return false;
    }
    expectPreface = false;
    frames.pass(PREFACE.length);
    return true;
  }

  /** Whether the bytes held (as far as they go) are the start of the preface. */
  static boolean startsPreface(ByteBuf held) {
    int available = Math.min(held.readableBytes(), PREFACE.length);
    for (int i = 0; i < available; i++) {
      if (held.getByte(held.readerIndex() + i) != PREFACE[i]) {
        return false;
      }
    }
    return true;
  }
}
