package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.http.HttpResponses;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersDecoder;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import java.util.Locale;

/**
 * The server-to-client half of a plain HTTP/2 connection. Every server header block is decoded (one
 * HPACK decoder follows the server's dynamic table) and written anew toward the client with literals
 * that are never indexed, so the client's dynamic table stays empty and a header block no longer depends
 * on the ones before it: the frames of one stream can wait (a delayed response, each stream on its own
 * timer) while the other streams' frames go on, and the late answer to a request the proxy already
 * answered is dropped whole. A stream whose request matched a REWRITE gets its final response's headers
 * changed before they are encoded. Frames of other types pass unchanged.
 */
final class ResponseFrames implements StreamDialect.ServerHalf {

  private final Http2HeadersDecoder decoder = HeaderBlock.decoder();
  private final Http2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.ALWAYS_SENSITIVE);
  private final HeaderBlock block = new HeaderBlock();
  private final HeldResponses held = new HeldResponses();
  private final Calls calls;

  ResponseFrames(Calls calls) {
    this.calls = calls;
  }

  @Override
  public void onFrame(Http2Frame frame, RelayPort port) {
    if (block.open() && frame.type != Http2Frame.CONTINUATION) {
      frame.bytes.release();
      throw HeaderBlock.brokenBy(frame);
    }
    if (frame.type == Http2Frame.HEADERS || frame.type == Http2Frame.CONTINUATION || frame.type == Http2Frame.PUSH_PROMISE) {
      if (block.add(frame)) {
        onBlock(port);
      }
      return;
    }
    Call call = calls.get(frame.streamId);
    boolean ends = frame.type == Http2Frame.RST_STREAM || frame.type == Http2Frame.DATA && frame.has(Http2Frame.END_STREAM);
    if (call != null && call.faulted() && (frame.type == Http2Frame.DATA || frame.type == Http2Frame.RST_STREAM)) {
      if (frame.type == Http2Frame.DATA && frame.length > 0) {
        port.toServer(Http2Frames.windowUpdate(0, frame.length, port.alloc()));
      }
      frame.bytes.release();
    } else {
      send(call, frame.streamId, frame.bytes, port);
    }
    if (ends) {
      calls.remove(frame.streamId);
    }
  }

  /** Decodes a complete block and sends it re-encoded, unless its stream was answered by the proxy. */
  private void onBlock(RelayPort port) {
    Http2Frame first = block.first();
    int streamId = first.streamId;
    boolean endStream = first.type == Http2Frame.HEADERS && first.has(Http2Frame.END_STREAM);
    int promised = first.type == Http2Frame.PUSH_PROMISE ? promisedStream(first) : 0;
    byte type = first.type;
    Http2Headers headers;
    try {
      headers = block.decode(decoder, port.alloc());
    } finally {
      block.release();
    }
    Call call = calls.get(streamId);
    if (call != null && type == Http2Frame.HEADERS) {
      rewrite(call, headers);
    }
    if (call == null || !call.faulted()) {
      ByteBuf encoded = encode(streamId, headers, port);
      try {
        send(call, streamId, Http2Frames.headerBlock(type, streamId, promised, encoded, endStream, port.alloc()), port);
      } finally {
        encoded.release();
      }
    }
    if (endStream) {
      calls.remove(streamId);
    }
  }

  /** The header block of a final response (not an interim 1xx, not trailers) gets the call's header rewrite, if any. */
  private static void rewrite(Call call, Http2Headers headers) {
    CharSequence status = headers.status();
    if (status == null || status.length() == 0 || status.charAt(0) == '1') {
      return;
    }
    Action.Rewrite rewrite = call.takeResponseRewrite();
    if (rewrite != null) {
      HttpResponses.removed(rewrite).forEach(name -> headers.remove(name.toLowerCase(Locale.ROOT)));
      HttpResponses.headers(rewrite).forEach((name, value) -> headers.set(name.toLowerCase(Locale.ROOT), value));
    }
  }

  private ByteBuf encode(int streamId, Http2Headers headers, RelayPort port) {
    ByteBuf out = port.alloc().buffer();
    try {
      encoder.encodeHeaders(streamId, headers, out);
      return out;
    } catch (Http2Exception e) {
      out.release();
      throw new Http2DecodeException("cannot re-encode the server's headers on stream [" + streamId + "]: " + e.getMessage(), e);
    }
  }

  /** A PUSH_PROMISE's promised stream id: after the pad length, if any. */
  private static int promisedStream(Http2Frame frame) {
    int padLength = frame.has(Http2Frame.PADDED) ? 1 : 0;
    int offset = frame.bytes.readerIndex() + Http2Frame.HEADER_LENGTH + padLength;
    if (frame.length < padLength + 4) {
      throw new Http2DecodeException("PUSH_PROMISE on stream [" + frame.streamId + "] is too short for its promised stream id");
    }
    return frame.bytes.getInt(offset) & 0x7FFFFFFF;
  }

  /** Sends a frame toward the client now, or after the frames its stream already holds back. */
  private void send(Call call, int streamId, ByteBuf frame, RelayPort port) {
    long wait = call == null ? 0 : call.responseWait();
    if (held.holds(streamId) || wait > 0) {
      held.add(streamId, frame, wait, port);
    } else {
      port.toClient(frame);
    }
  }

  @Override
  public void release() {
    block.release();
    held.close();
  }
}
