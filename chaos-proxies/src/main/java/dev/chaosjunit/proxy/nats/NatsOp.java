package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import dev.chaosjunit.proxy.rule.MessageFacts;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The NATS protocol operation at the start of one direction's bytes: its control line and, for the four
 * that carry a message (PUB, HPUB, MSG, HMSG), the payload that follows it with its closing CRLF. One
 * instance per direction of a session, read again for every operation ({@link #peek}), so that framing
 * allocates nothing; a message's subject becomes a string only when its {@link #facts} are asked for.
 */
final class NatsOp {

  /** Far above nats-server's default {@code max_control_line} (4 KiB), leaving room for long INFO and CONNECT lines. */
  static final int MAX_LINE = 1 << 20;
  /** nats-server's upper limit for {@code max_payload}. */
  static final int MAX_PAYLOAD = 64 << 20;

  /** The operations a client sends, the most frequent first (they are tried in this order). */
  static final List<String> CLIENT_OPS = List.of("PUB", "HPUB", "PING", "PONG", "SUB", "UNSUB", "CONNECT");
  /** The operations a server sends, the most frequent first. */
  static final List<String> SERVER_OPS = List.of("MSG", "HMSG", "PING", "PONG", "+OK", "-ERR", "INFO");
  private static final int LONGEST_NAME = "CONNECT".length();

  private final List<String> allowed;
  /** {@link ControlLine#key} of each of {@link #allowed}, in the same order. */
  private final long[] keys;
  private final ControlLine line = new ControlLine();
  private String name;
  private boolean message;
  private int length;
  private byte[] subject;
  private MessageFacts facts;

  /** The operation reader of a direction whose peer sends the operations {@code allowed}. */
  NatsOp(List<String> allowed) {
    this.allowed = allowed;
    this.keys = allowed.stream().mapToLong(ControlLine::key).toArray();
  }

  /**
   * Reads the operation at {@code in}'s reader index once its control line is there; {@code false}
   * before. The operation must be one {@link #allowed} in this direction.
   */
  boolean peek(FrameBuffer in) {
    ByteBuf buf = in.view();
    int readable = in.readable();
    if (readable == 0) {
      return false;
    }
    int start = buf.readerIndex();
    int newline = buf.indexOf(start, start + Math.min(readable, MAX_LINE), (byte) '\n');
    if (newline < 0) {
      if (readable >= MAX_LINE) {
        throw new FrameDecodeException("control line longer than " + MAX_LINE + " bytes");
      }
      checkName(buf, start, readable);
      return false;
    }
    int end = newline > start && buf.getByte(newline - 1) == '\r' ? newline - 1 : newline;
    parse(line.read(buf, start, end), newline + 1 - start);
    return true;
  }

  /** The operation, upper case ({@code PUB}, {@code +OK}...). */
  String name() {
    return name;
  }

  /** Whether a payload follows the control line (PUB, HPUB, MSG, HMSG). */
  boolean message() {
    return message;
  }

  /** The whole operation in bytes: control line, payload and the payload's CRLF. */
  int length() {
    return length;
  }

  /** The JSON of {@code CONNECT}. */
  String json() {
    return line.rest();
  }

  /**
   * A message's subject as facts to match; the same instance as for the message before when the subject's
   * bytes are the same (a publisher's or a subscription's subjects repeat), so matching a stream of
   * messages decodes each subject once.
   */
  MessageFacts facts() {
    if (facts == null || !line.wordEquals(1, subject)) {
      subject = line.wordBytes(1);
      facts = MessageFacts.of(NatsInspector.NAME, NatsInspector.SUBJECT, new String(subject, StandardCharsets.UTF_8));
    }
    return facts;
  }

  /**
   * Refuses bytes that cannot begin an operation while the line is incomplete, so that a peer speaking
   * something else (a TLS handshake) is relayed at once rather than held while waiting for a line end.
   */
  private void checkName(ByteBuf buf, int start, int readable) {
    int end = start + Math.min(readable, LONGEST_NAME + 1);
    int delimiter = buf.forEachByte(start, end - start, b -> !ControlLine.space(b) && b != '\r');
    int length = (delimiter < 0 ? end : delimiter) - start;
    boolean complete = delimiter >= 0 || length > LONGEST_NAME;
    for (int n = 0; n < allowed.size(); n++) {
      String op = allowed.get(n);
      if ((complete ? op.length() == length : op.length() >= length) && startsWith(op, buf, start, length)) {
        return;
      }
    }
    String prefix = buf.toString(start, length, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
    throw new FrameDecodeException("[" + abbreviate(prefix) + "] is not a NATS operation this peer sends");
  }

  /** Whether the upper-case name {@code op} starts with the {@code length} bytes at {@code start}, ignoring ASCII case. */
  private static boolean startsWith(String op, ByteBuf buf, int start, int length) {
    for (int i = 0; i < length; i++) {
      if (ControlLine.upper(buf.getByte(start + i)) != op.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void parse(ControlLine line, int lineLength) {
    name = name(line.nameKey());
    if (name == null) {
      throw new FrameDecodeException("[" + abbreviate(line.word(0).toUpperCase(Locale.ROOT))
          + "] is not a NATS operation this peer sends");
    }
    long payload = switch (name) {
      case "PUB" -> payload(line, 2, false);
      case "HPUB" -> payload(line, 3, true);
      case "MSG" -> payload(line, 3, false);
      case "HMSG" -> payload(line, 4, true);
      default -> -1;
    };
    message = payload >= 0;
    length = message ? (int) (lineLength + payload + 2) : lineLength;
  }

  /** The operation of {@link #allowed} whose key is {@code key}, or {@code null}. */
  private String name(long key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == key) {
        return allowed.get(i);
      }
    }
    return null;
  }

  /**
   * The payload size of a message operation: {@code required} arguments before an optional reply subject
   * and the sizes; with {@code headers} the last two are the header size and the total size.
   */
  private long payload(ControlLine line, int required, boolean headers) {
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
}
