package dev.chaosjunit.proxy.redis;

/** Traffic that is not valid RESP: the session gives up decoding and relays bytes unchanged. */
final class RedisCodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RedisCodecException(String message) {
    super(message);
  }
}
