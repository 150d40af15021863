package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;

/** Traffic that is not valid RESP: the session gives up decoding and relays bytes unchanged. */
final class RedisCodecException extends FrameDecodeException {

  private static final long serialVersionUID = 1L;

  RedisCodecException(String message) {
    super(message);
  }
}
