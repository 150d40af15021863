package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;

/**
 * One NATS protocol operation: its control line and, for the four that carry a message (PUB, HPUB,
 * MSG, HMSG), the payload that follows it with its closing CRLF.
 *
 * @param name the operation, upper case ({@code PUB}, {@code +OK}...)
 * @param message whether a payload follows the control line (PUB, HPUB, MSG, HMSG)
 * @param subject a message's subject when it was asked for; {@code null} for the other operations
 * @param json the JSON of {@code CONNECT}; {@code null} for the other operations
 * @param length the whole operation in bytes: control line, payload and the payload's CRLF
 */
record NatsOp(String name, boolean message, String subject, String json, int length) {

  /** Far above nats-server's default {@code max_control_line} (4 KiB), leaving room for long INFO and CONNECT lines. */
  static final int MAX_LINE = 1 << 20;
  /** nats-server's upper limit for {@code max_payload}. */
  static final int MAX_PAYLOAD = 64 << 20;

  /** The operations a client sends, the most frequent first (they are tried in this order). */
  static final List<String> CLIENT_OPS = List.of("PUB", "HPUB", "PING", "PONG", "SUB", "UNSUB", "CONNECT");
  /** The operations a server sends, the most frequent first. */
  static final List<String> SERVER_OPS = List.of("MSG", "HMSG", "PING", "PONG", "+OK", "-ERR", "INFO");
  private static final int LONGEST_NAME = "CONNECT".length();

  /**
   * The operation at {@code in}'s reader index once its control line is there ({@code null} before),
   * checked against the operations {@code allowed} in this direction, read into {@code line}; a message's
   * subject is decoded only when {@code subject} is true.
   */
  static NatsOp peek(FrameBuffer in, List<String> allowed, ControlLine line, boolean subject) {
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
      checkName(buf, start, readable, allowed);
      return null;
    }
    int end = newline > start && buf.getByte(newline - 1) == '\r' ? newline - 1 : newline;
    return parse(line.read(buf, start, end), newline + 1 - start, allowed, subject);
  }

  /**
   * Refuses bytes that cannot begin an operation while the line is incomplete, so that a peer speaking
   * something else (a TLS handshake) is relayed at once rather than held while waiting for a line end.
   */
  private static void checkName(ByteBuf buf, int start, int readable, List<String> allowed) {
    int end = start + Math.min(readable, LONGEST_NAME + 1);
    int delimiter = buf.forEachByte(start, end - start, b -> !ControlLine.space(b) && b != '\r');
    String name = buf.toString(start, (delimiter < 0 ? end : delimiter) - start, StandardCharsets.ISO_8859_1)
        .toUpperCase(Locale.ROOT);
    boolean complete = delimiter >= 0 || name.length() > LONGEST_NAME;
    if (complete ? !allowed.contains(name) : allowed.stream().noneMatch(op -> op.startsWith(name))) {
      throw new FrameDecodeException("[" + abbreviate(name) + "] is not a NATS operation this peer sends");
    }
  }

  private static NatsOp parse(ControlLine line, int lineLength, List<String> allowed, boolean subject) {
    String name = line.name(allowed);
    if (name == null) {
      throw new FrameDecodeException("[" + abbreviate(line.word(0).toUpperCase(Locale.ROOT))
          + "] is not a NATS operation this peer sends");
    }
    long payload = switch (name) {
      case "PUB" -> payload(name, line, 2, false);
      case "HPUB" -> payload(name, line, 3, true);
      case "MSG" -> payload(name, line, 3, false);
      case "HMSG" -> payload(name, line, 4, true);
      default -> -1;
    };
    if (payload < 0) {
      return new NatsOp(name, false, null, name.equals("CONNECT") ? line.rest() : null, lineLength);
    }
    return new NatsOp(name, true, subject ? line.word(1) : null, null, (int) (lineLength + payload + 2));
  }

  /**
   * The payload size of a message operation: {@code required} arguments before an optional reply subject
   * and the sizes; with {@code headers} the last two are the header size and the total size.
   */
  private static long payload(String name, ControlLine line, int required, boolean headers) {
    int args = line.words() - 1;
    if (args != required && args != required + 1) {
      throw new FrameDecodeException(name + " has " + line.countText() + " arguments instead of " + required
          + " or " + (required + 1));
    }
    long total = line.size(args, name);
    if (headers && line.size(args - 1, name) > total) {
      throw new FrameDecodeException(name + " has a header size [" + line.word(args - 1)
          + "] above its total size [" + total + "]");
    }
    return total;
  }

  static String abbreviate(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }

  /** Checks the CRLF that closes the payload; the whole operation must be in {@code buf}. */
  void checkPayloadEnd(ByteBuf buf) {
    int end = buf.readerIndex() + length;
    if (buf.getByte(end - 2) != '\r' || buf.getByte(end - 1) != '\n') {
      throw new FrameDecodeException(name + " on [" + subject + "] has no CRLF after its payload of the announced size");
    }
  }
}
