package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * One NATS protocol operation: its control line and, for the four that carry a message (PUB, HPUB,
 * MSG, HMSG), the payload that follows it with its closing CRLF.
 *
 * @param name the operation, upper case ({@code PUB}, {@code +OK}...)
 * @param args the control line's arguments after the name, split at spaces and tabs
 * @param length the whole operation in bytes: control line, payload and the payload's CRLF
 * @param carriesMessage whether a payload follows the control line
 */
record NatsOp(String name, String[] args, int length, boolean carriesMessage) {

  /** Far above nats-server's default {@code max_control_line} (4 KiB), leaving room for long INFO and CONNECT lines. */
  static final int MAX_LINE = 1 << 20;
  /** nats-server's upper limit for {@code max_payload}. */
  static final int MAX_PAYLOAD = 64 << 20;

  static final Set<String> CLIENT_OPS = Set.of("CONNECT", "PUB", "HPUB", "SUB", "UNSUB", "PING", "PONG");
  static final Set<String> SERVER_OPS = Set.of("INFO", "MSG", "HMSG", "PING", "PONG", "+OK", "-ERR");

  /**
   * The operation at {@code in}'s reader index once its control line is there ({@code null} before),
   * checked against the operations {@code allowed} in this direction.
   */
  static NatsOp peek(FrameBuffer in, Set<String> allowed) {
    ByteBuf buf = in.view();
    int readable = in.readable();
    if (readable == 0) {
      return null;
    }
    int start = buf.readerIndex();
    int newline = buf.indexOf(start, start + Math.min(readable, MAX_LINE), (byte) '\n');
    if (newline < 0) {
      if (readable >= MAX_LINE) {
        throw new FrameDecodeException("control line longer than " + MAX_LINE + " bytes");
      }
      return null;
    }
    int end = newline > start && buf.getByte(newline - 1) == '\r' ? newline - 1 : newline;
    String line = buf.toString(start, end - start, StandardCharsets.UTF_8).strip();
    return parse(line, newline + 1 - start, allowed);
  }

  private static NatsOp parse(String line, int lineLength, Set<String> allowed) {
    String[] words = line.split("[ \t]+", 2);
    String name = words[0].toUpperCase(Locale.ROOT);
    if (!allowed.contains(name)) {
      throw new FrameDecodeException("[" + abbreviate(words[0]) + "] is not a NATS operation this peer sends");
    }
    if (name.equals("CONNECT") || name.equals("INFO") || name.equals("-ERR")) {
      return new NatsOp(name, words.length > 1 ? new String[] {words[1]} : new String[0], lineLength, false);
    }
    String[] args = words.length > 1 ? words[1].split("[ \t]+") : new String[0];
    long payload = switch (name) {
      case "PUB" -> payload(name, args, 2, 0);
      case "HPUB" -> payload(name, args, 3, 1);
      case "MSG" -> payload(name, args, 3, 0);
      case "HMSG" -> payload(name, args, 4, 1);
      default -> -1;
    };
    return new NatsOp(name, args, payload < 0 ? lineLength : (int) (lineLength + payload + 2), payload >= 0);
  }

  /**
   * The payload size of a message operation: {@code required} arguments before an optional reply subject
   * and the sizes; with {@code headerSizes} 1 the last two are the header size and the total size.
   */
  private static long payload(String name, String[] args, int required, int headerSizes) {
    if (args.length != required && args.length != required + 1) {
      throw new FrameDecodeException(name + " has " + args.length + " arguments instead of " + required
          + " or " + (required + 1));
    }
    long total = size(name, args[args.length - 1]);
    if (headerSizes == 1 && size(name, args[args.length - 2]) > total) {
      throw new FrameDecodeException(name + " has a header size [" + args[args.length - 2]
          + "] above its total size [" + total + "]");
    }
    return total;
  }

  private static long size(String name, String text) {
    long size;
    try {
      size = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new FrameDecodeException(name + " has a size [" + abbreviate(text) + "] that is not a number");
    }
    if (size < 0 || size > MAX_PAYLOAD) {
      throw new FrameDecodeException(name + " has a size [" + size + "] outside 0.." + MAX_PAYLOAD);
    }
    return size;
  }

  private static String abbreviate(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }

  /** The message's subject; for message operations only. */
  String subject() {
    return args[0];
  }

  /** Checks the CRLF that closes the payload; the whole operation must be in {@code buf}. */
  void checkPayloadEnd(ByteBuf buf) {
    int end = buf.readerIndex() + length;
    if (buf.getByte(end - 2) != '\r' || buf.getByte(end - 1) != '\n') {
      throw new FrameDecodeException(name + " on [" + subject() + "] has no CRLF after its payload of the announced size");
    }
  }
}
