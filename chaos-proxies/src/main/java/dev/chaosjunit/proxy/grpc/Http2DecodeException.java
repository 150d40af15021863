package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;

/** Traffic that is not (or no longer) decodable as HTTP/2; the session falls back to plain relay. */
final class Http2DecodeException extends FrameDecodeException {

  private static final long serialVersionUID = 1L;

  Http2DecodeException(String message) {
    super(message);
  }

  Http2DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
