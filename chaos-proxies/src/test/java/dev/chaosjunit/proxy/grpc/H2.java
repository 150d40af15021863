package dev.chaosjunit.proxy.grpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP/2 frames as a peer writes them (Netty's HPACK encoder, with indexing, so the dynamic table is
 * in play), and a reader that decodes what a peer receives, for codec tests (gRPC's and h2c's).
 */
public final class H2 {

  private final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();

  static Http2Headers request(String path, String... metadata) {
    Http2Headers headers = new DefaultHttp2Headers().method("POST").scheme("http").authority("localhost")
        .path(path).add("content-type", "application/grpc").add("te", "trailers");
    for (int i = 0; i < metadata.length; i += 2) {
      headers.add(metadata[i], metadata[i + 1]);
    }
    return headers;
  }

  static Http2Headers responseHeaders() {
    return new DefaultHttp2Headers().status("200").add("content-type", "application/grpc");
  }

  static Http2Headers trailers(int status) {
    return new DefaultHttp2Headers().add("grpc-status", String.valueOf(status));
  }

  /** A HEADERS frame, split into HEADERS + CONTINUATION frames when {@code split} is true. */
  public byte[] headers(int streamId, Http2Headers headers, boolean endStream, boolean split) throws Http2Exception {
    ByteBuf block = Unpooled.buffer();
    encoder.encodeHeaders(streamId, headers, block);
    byte[] bytes = new byte[block.readableBytes()];
    block.readBytes(bytes);
    block.release();
    int cut = split ? bytes.length / 2 : bytes.length;
    int endStreamFlag = endStream ? Http2Frame.END_STREAM : 0;
    if (!split) {
      return frame(Http2Frame.HEADERS, Http2Frame.END_HEADERS | endStreamFlag, streamId, bytes, 0, bytes.length);
    }
    return concat(frame(Http2Frame.HEADERS, endStreamFlag, streamId, bytes, 0, cut),
        frame(Http2Frame.CONTINUATION, Http2Frame.END_HEADERS, streamId, bytes, cut, bytes.length - cut));
  }

  public static byte[] data(int streamId, byte[] payload, boolean endStream) {
    return frame(Http2Frame.DATA, endStream ? Http2Frame.END_STREAM : 0, streamId, payload, 0, payload.length);
  }

  /** A gRPC length-prefixed message in a DATA frame. */
  static byte[] message(int streamId, String text, boolean endStream) {
    return data(streamId, grpc(text), endStream);
  }

  /** gRPC length-prefixed messages, one after the other. */
  static byte[] grpc(String... texts) {
    ByteBuf out = Unpooled.buffer();
    for (String text : texts) {
      byte[] body = text.getBytes();
      out.writeByte(0).writeInt(body.length).writeBytes(body);
    }
    byte[] bytes = new byte[out.readableBytes()];
    out.readBytes(bytes);
    return bytes;
  }

  public static byte[] settings() {
    return frame(Http2Frame.SETTINGS, 0, 0, new byte[0], 0, 0);
  }

  /** The HTTP/2 connection preface a client sends first. */
  public static byte[] preface() {
    return Http2FrameReader.PREFACE.clone();
  }

  static byte[] frame(byte type, int flags, int streamId, byte[] payload, int offset, int length) {
    ByteBuf frame = Unpooled.buffer();
    frame.writeMedium(length).writeByte(type).writeByte(flags).writeInt(streamId).writeBytes(payload, offset, length);
    byte[] bytes = new byte[frame.readableBytes()];
    frame.readBytes(bytes);
    return bytes;
  }

  public static byte[] concat(byte[]... parts) {
    ByteBuf all = Unpooled.buffer();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    byte[] bytes = new byte[all.readableBytes()];
    all.readBytes(bytes);
    return bytes;
  }

  /** What a peer reads: frames, with header blocks decoded by one HPACK decoder in order. */
  static final class Peer {
    private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);

    record Received(byte type, int flags, int streamId, Http2Headers headers, ByteBuf payload) {}

    List<Received> read(byte[] bytes) throws Http2Exception {
      ByteBuf in = Unpooled.wrappedBuffer(bytes);
      if (in.readableBytes() >= 24 && in.getByte(0) == 'P') {
        in.skipBytes(24);
      }
      List<Received> frames = new ArrayList<>();
      ByteBuf block = Unpooled.buffer();
      while (in.isReadable()) {
        int length = in.readUnsignedMedium();
        byte type = in.readByte();
        int flags = in.readUnsignedByte();
        int stream = in.readInt() & 0x7FFFFFFF;
        ByteBuf payload = in.readSlice(length);
        Http2Headers headers = null;
        if (type == Http2Frame.HEADERS || type == Http2Frame.CONTINUATION) {
          block.writeBytes(payload.duplicate());
          if ((flags & Http2Frame.END_HEADERS) != 0) {
            headers = decoder.decodeHeaders(stream, block);
            block.clear();
          }
        }
        frames.add(new Received(type, flags, stream, headers, payload));
      }
      block.release();
      return frames;
    }
  }
}
