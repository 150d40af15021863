package dev.chaosjunit.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declines a client's offer to upgrade to HTTP/2 over cleartext (RFC 7540, section 3.2; deprecated by
 * RFC 9113): the request goes to the server without the {@code h2c} token in {@code Upgrade}, without
 * {@code HTTP2-Settings}, and without those two tokens in {@code Connection}. The server then answers in
 * HTTP/1.1, as it must when no upgrade is offered, and the connection stays inspectable. Every other
 * upgrade (e.g. {@code websocket}) is left as the client sent it.
 */
final class H2cUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(H2cUpgrade.class);
  private static final String UPGRADE = "Upgrade";
  private static final String SETTINGS = "HTTP2-Settings";
  private static final String CONNECTION = "Connection";

  private H2cUpgrade() {}

  /** Whether the request offers an h2c upgrade (an {@code h2c} token in {@code Upgrade}). */
  static boolean offered(HttpHead head) {
    return head.hasToken(UPGRADE, "h2c");
  }

  /** The bytes of the request head without the h2c offer; call only when {@link #offered(HttpHead)}. */
  static ByteBuf declined(HttpHead head, ByteBufAllocator alloc) {
    LOG.debug("declined the client's h2c upgrade offer on {} {}", head.start()[0], head.start()[1]);
    return encode(decline(head), alloc);
  }

  private static HttpHead decline(HttpHead head) {
    List<String[]> upgrades = withoutTokens(head.headers(), UPGRADE, List.of("h2c"));
    boolean otherUpgrade = upgrades.stream().anyMatch(h -> h[0].equalsIgnoreCase(UPGRADE));
    List<String> dropped = otherUpgrade ? List.of(SETTINGS) : List.of(SETTINGS, UPGRADE);
    List<String[]> headers = withoutTokens(upgrades, CONNECTION, dropped);
    headers.removeIf(h -> h[0].equalsIgnoreCase(SETTINGS));
    return new HttpHead(head.start(), headers);
  }

  /** Removes {@code tokens} from the comma-separated header {@code name}; a header left empty goes. */
  private static List<String[]> withoutTokens(List<String[]> headers, String name, List<String> tokens) {
    List<String[]> kept = new ArrayList<>();
    for (String[] header : headers) {
      if (!header[0].equalsIgnoreCase(name)) {
        kept.add(header);
        continue;
      }
      StringJoiner value = new StringJoiner(", ");
      for (String part : header[1].split(",")) {
        if (!part.isBlank() && tokens.stream().noneMatch(part.strip()::equalsIgnoreCase)) {
          value.add(part.strip());
        }
      }
      if (value.length() > 0) {
        kept.add(new String[] {header[0], value.toString()});
      }
    }
    return kept;
  }

  /** The head as bytes: start line, fields in order (names as sent), empty line. */
  private static ByteBuf encode(HttpHead head, ByteBufAllocator alloc) {
    StringBuilder text = new StringBuilder(String.join(" ", head.start())).append("\r\n");
    for (String[] header : head.headers()) {
      text.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    byte[] bytes = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    return alloc.buffer(bytes.length).writeBytes(bytes);
  }
}
