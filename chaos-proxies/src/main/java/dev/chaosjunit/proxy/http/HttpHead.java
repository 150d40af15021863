package dev.chaosjunit.proxy.http;

import dev.chaosjunit.fault.Action;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The start line and header fields of a request or response, as sent (names keep their case).
 *
 * @param start the three parts of the start line: method, target, version for a request; version,
 *     status, reason for a response
 * @param headers header fields in order, each as {name, value}
 */
record HttpHead(String[] start, List<String[]> headers) {

  private static final int MAX_HEAD = 64 * 1024;

  /**
   * Finds the end of the head starting at {@code buf}'s reader index: the index after the empty line.
   *
   * @return -1 when the head is not complete yet
   * @throws HttpCodecException when the head exceeds 64 KiB
   */
  static int end(ByteBuf buf) {
    int from = buf.readerIndex();
    int limit = Math.min(buf.writerIndex(), from + MAX_HEAD);
    for (int lf = buf.indexOf(from, limit, (byte) '\n'); lf >= 0; lf = buf.indexOf(lf + 1, limit, (byte) '\n')) {
      if (lf + 1 < limit && buf.getByte(lf + 1) == '\n') {
        return lf + 2;
      }
      if (lf + 2 < limit && buf.getByte(lf + 1) == '\r' && buf.getByte(lf + 2) == '\n') {
        return lf + 3;
      }
    }
    if (buf.readableBytes() >= MAX_HEAD) {
      throw new HttpCodecException("HTTP head longer than 64 KiB");
    }
    return -1;
  }

  /** Parses the head in {@code [from, to)}. */
  static HttpHead parse(ByteBuf buf, int from, int to) {
    String[] lines = buf.toString(from, to - from, StandardCharsets.ISO_8859_1).split("\r?\n");
    String[] start = lines[0].split(" ", 3);
    if (start.length < 2 || lines[0].isEmpty()) {
      throw new HttpCodecException("HTTP start line [" + abbreviate(lines[0]) + "] is malformed");
    }
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      headers.add(field(lines[i]));
    }
    return new HttpHead(start.length == 3 ? start : new String[] {start[0], start[1], ""}, headers);
  }

  private static String[] field(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
      throw new HttpCodecException("HTTP header line [" + abbreviate(line) + "] is malformed");
    }
    return new String[] {line.substring(0, colon), line.substring(colon + 1).strip()};
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  /** The values of a header, in order, by case-insensitive name. */
  List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        values.add(header[1]);
      }
    }
    return values;
  }

  /** Whether a comma-separated header holds {@code token}, ignoring case. */
  boolean hasToken(String name, String token) {
    for (String value : values(name)) {
      for (String part : value.split(",")) {
        if (part.strip().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * This head with a REWRITE's changes: its removed headers gone, each header it sets in the place of
   * the first field of that name (the others gone) or, when absent, at the end.
   */
  HttpHead rewritten(Action.Rewrite rewrite) {
    Set<String> removed = HttpResponses.removed(rewrite);
    Map<String, String> set = HttpResponses.headers(rewrite);
    Set<String> placed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<String[]> fields = new ArrayList<>();
    for (String[] header : headers) {
      String name = header[0];
      if (set.containsKey(name) && placed.add(name)) {
        fields.add(new String[] {name, set.get(name)});
      } else if (!set.containsKey(name) && !removed.contains(name)) {
        fields.add(header);
      }
    }
    set.forEach((name, value) -> {
      if (placed.add(name)) {
        fields.add(new String[] {name, value});
      }
    });
    return new HttpHead(start, fields);
  }

  /** The head as bytes, lines ending in CRLF. */
  ByteBuf encode(ByteBufAllocator alloc) {
    StringBuilder text = new StringBuilder(256).append(String.join(" ", start)).append("\r\n");
    headers.forEach(header -> text.append(header[0]).append(": ").append(header[1]).append("\r\n"));
    byte[] bytes = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    return alloc.buffer(bytes.length).writeBytes(bytes);
  }

  /** The version of a request ({@code start[2]}) or response ({@code start[0]}), upper case. */
  String version(boolean request) {
    return (request ? start[2] : start[0]).toUpperCase(Locale.ROOT);
  }
}
