package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.fault.Action;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the replies the proxy injects, exactly as a Redis server writes them: {@code -CODE message}
 * for errors, {@code $-1} (RESP2) or {@code _} (RESP3) for nil, bulk, simple or integer values.
 */
final class RedisReplies {

  static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";

  private RedisReplies() {}

  /** The reply for an {@code ERROR} or {@code RESPOND} action. */
  static ByteBuf encode(ByteBufAllocator alloc, Action action, boolean resp3) {
    return action instanceof Action.Error error ? error(alloc, errorLine(error))
        : respond(alloc, (Action.Respond) action, resp3);
  }

  /** The error text after the {@code -}: the code (default ERR), a blank, the message. */
  static String errorLine(Action.Error error) {
    String code = error.code().isEmpty() ? "ERR" : error.code();
    return error.message().isEmpty() ? code : code + " " + error.message();
  }

  static ByteBuf error(ByteBufAllocator alloc, String line) {
    return line(alloc, '-', line);
  }

  /** A RESPOND's parameters: the reply {@code type} (bulk, simple or integer) and its {@code value}. */
  static final String TYPE = "type";
  static final String VALUE = "value";

  private static ByteBuf respond(ByteBufAllocator alloc, Action.Respond action, boolean resp3) {
    String value = action.param(VALUE).orElse("nil");
    String type = action.param(TYPE).orElse("bulk");
    if (value.equals("nil") && !type.equals("simple")) {
      return ByteBufUtil.writeAscii(alloc, resp3 ? "_\r\n" : "$-1\r\n");
    }
    switch (type) {
      case "simple":
        return line(alloc, '+', value);
      case "integer":
        return line(alloc, ':', value);
      default:
        return bulk(alloc, value);
    }
  }

  private static ByteBuf line(ByteBufAllocator alloc, char prefix, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf out = alloc.buffer(bytes.length + 3);
    return out.writeByte(prefix).writeBytes(bytes).writeByte('\r').writeByte('\n');
  }

  private static ByteBuf bulk(ByteBufAllocator alloc, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    String header = "$" + bytes.length + "\r\n";
    ByteBuf out = alloc.buffer(header.length() + bytes.length + 2);
    return out.writeBytes(header.getBytes(StandardCharsets.US_ASCII)).writeBytes(bytes).writeByte('\r').writeByte('\n');
  }
}
