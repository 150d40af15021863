package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;

/** Traffic that is not valid HTTP/1.x: the session gives up decoding and relays bytes unchanged. */
final class HttpCodecException extends FrameDecodeException {

  private static final long serialVersionUID = 1L;

  HttpCodecException(String message) {
    super(message);
  }
}
