package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.proxy.rule.ActionSpec;
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
  static ByteBuf encode(ByteBufAllocator alloc, ActionSpec action, boolean resp3) {
    return action.type() == ActionSpec.Type.ERROR ? error(alloc, errorLine(action)) : respond(alloc, action, resp3);
  }

  /** The error text after the {@code -}: the code (default ERR), a blank, the message. */
  static String errorLine(ActionSpec action) {
    String code = action.param("code").orElse("ERR");
    String message = action.param("message").orElse("");
    return message.isEmpty() ? code : code + " " + message;
  }

  static ByteBuf error(ByteBufAllocator alloc, String line) {
    return line(alloc, '-', line);
  }

  private static ByteBuf respond(ByteBufAllocator alloc, ActionSpec action, boolean resp3) {
    String value = action.param("value").orElse("nil");
    String type = action.param("type").orElse("bulk");
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
