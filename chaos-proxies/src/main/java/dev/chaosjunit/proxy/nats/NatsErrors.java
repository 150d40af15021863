package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.fault.Action;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/** The {@code -ERR} line the proxy sends in place of a publish, as nats-server words it. */
final class NatsErrors {

  private NatsErrors() {}

  /** {@code -ERR 'Permissions Violation for Publish to "subject"'}, or {@code -ERR 'message'} when one is set. */
  static ByteBuf publishError(ByteBufAllocator alloc, Action.Error error, String subject) {
    String text = error.message().isEmpty() ? permissionsViolation(subject) : error.message();
    byte[] line = ("-ERR '" + text + "'\r\n").getBytes(StandardCharsets.UTF_8);
    return alloc.buffer(line.length).writeBytes(line);
  }

  static String permissionsViolation(String subject) {
    return "Permissions Violation for Publish to \"" + subject + "\"";
  }
}
