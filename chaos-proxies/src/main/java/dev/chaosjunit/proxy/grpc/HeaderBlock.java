package dev.chaosjunit.proxy.grpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one header block in one direction: a HEADERS (or PUSH_PROMISE) frame and the
 * CONTINUATION frames that follow it up to END_HEADERS. Owns its frames until they are taken.
 */
final class HeaderBlock {

  private final List<Http2Frame> frames = new ArrayList<>();

  /** Whether a block is being collected (a CONTINUATION is expected next). */
  boolean open() {
    return !frames.isEmpty();
  }

  /**
   * Adds a HEADERS, PUSH_PROMISE or CONTINUATION frame (taking ownership).
   *
   * @return whether the block is complete
   */
  boolean add(Http2Frame frame) {
    boolean continuation = frame.type == Http2Frame.CONTINUATION;
    if (continuation != open() || open() && frame.streamId != first().streamId) {
      throw broken(frame);
    }
    frames.add(frame);
    return frame.has(Http2Frame.END_HEADERS);
  }

  /**
   * Keeps a frame that breaks the block after the block's frames (so that, when decoding gives up, {@link
   * #take} hands them all over in the order they came) and returns the error to throw.
   */
  Http2DecodeException broken(Http2Frame frame) {
    frames.add(frame);
    return brokenBy(frame);
  }

  /** The error for a frame that breaks a header block (RFC 9113, section 6.10: a connection error). */
  static Http2DecodeException brokenBy(Http2Frame frame) {
    return new Http2DecodeException("frame of type [" + frame.type + "] on stream [" + frame.streamId
        + "] breaks a header block (RFC 9113, section 6.10)");
  }

  Http2Frame first() {
    return frames.get(0);
  }

  /** Decodes the complete block, updating the direction's HPACK state. */
  Http2Headers decode(Http2HeadersDecoder decoder, ByteBufAllocator alloc) {
    if (frames.size() == 1) {
      return decode(decoder, first().headerBlockFragment());
    }
    CompositeByteBuf block = alloc.compositeBuffer(frames.size());
    try {
      for (Http2Frame frame : frames) {
        block.addComponent(true, frame.headerBlockFragment().retain());
      }
      return decode(decoder, block);
    } finally {
      block.release();
    }
  }

  private Http2Headers decode(Http2HeadersDecoder decoder, ByteBuf block) {
    try {
      return decoder.decodeHeaders(first().streamId, block);
    } catch (Http2Exception e) {
      throw new Http2DecodeException("HPACK decoding failed on stream [" + first().streamId + "]: "
          + e.getMessage(), e);
    }
  }

  /** The frames' bytes, in order (the caller owns them); the block is empty afterwards. */
  List<ByteBuf> take() {
    List<ByteBuf> bytes = new ArrayList<>(frames.size());
    frames.forEach(f -> bytes.add(f.bytes));
    frames.clear();
    return bytes;
  }

  void release() {
    frames.forEach(f -> f.bytes.release());
    frames.clear();
  }

  /** An HPACK decoder for one direction that accepts every table size and header list a peer may send. */
  static Http2HeadersDecoder decoder() {
    DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false, false, 1L << 30);
    try {
      decoder.maxHeaderTableSize(0xFFFFFFFFL);
    } catch (Http2Exception e) {
      throw new IllegalStateException("Netty's HPACK decoder refused the largest table size HTTP/2 allows", e);
    }
    return decoder;
  }
}
