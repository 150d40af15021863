package dev.chaosjunit.proxy.grpc;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.1 message (start line and header fields up to the empty line), as the h2c
 * upgrade sees it: the client's upgrade request and the server's answer.
 *
 * @param startLine the request line or status line
 * @param headers the header fields in order, names as sent
 * @param length the head's length in bytes, empty line included
 */
record Http11Head(String startLine, List<Map.Entry<String, String>> headers, int length) {

  /** Heads longer than this are not taken for an upgrade request or answer. */
  static final int MAX_LENGTH = 64 * 1024;


  /**
   * Parses the head at the start of {@code bytes} (not consumed), or returns null when it is not complete yet.
   *
   * @throws Http2DecodeException when the head is longer than {@link #MAX_LENGTH}
   */
  static Http11Head parse(ByteBuf bytes) {
    int end = endOfHead(bytes);
    if (end < 0) {
      if (bytes.readableBytes() > MAX_LENGTH) {
        throw new Http2DecodeException("an HTTP/1.1 head longer than " + MAX_LENGTH + " bytes");
      }
      return null;
    }
    int length = end - bytes.readerIndex();
    String text = bytes.toString(bytes.readerIndex(), length - 4, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
      }
    }
    return new Http11Head(lines[0], List.copyOf(headers), length);
  }

  /** The index just after the first CR LF CR LF, or -1. */
  private static int endOfHead(ByteBuf bytes) {
    for (int i = bytes.readerIndex(); i + 3 < bytes.writerIndex(); i++) {
      if (bytes.getByte(i) == '\r' && bytes.getByte(i + 1) == '\n' && bytes.getByte(i + 2) == '\r'
          && bytes.getByte(i + 3) == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  /** The first value of a header (case-insensitive name), or null. */
  String header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  /** Whether a comma-separated header (any of its fields) lists {@code token}, case-insensitively. */
  boolean hasToken(String name, String token) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name))
        .flatMap(h -> List.of(h.getValue().split(",")).stream())
        .anyMatch(t -> t.trim().equalsIgnoreCase(token));
  }

  /** A request's method (the first word of the request line). */
  String method() {
    return startLine.split(" ")[0];
  }

  /** A request's target (the second word of the request line), e.g. {@code /pkg.Service/Method}. */
  String target() {
    String[] words = startLine.split(" ");
    return words.length > 1 ? words[1] : "";
  }

  /** A status line's code, or -1 if it is not one. */
  int status() {
    String[] words = startLine.split(" ");
    boolean statusLine = words.length > 1 && words[0].toUpperCase(Locale.ROOT).startsWith("HTTP/")
        && words[1].matches("\\d{3}");
    return statusLine ? Integer.parseInt(words[1]) : -1;
  }
}
