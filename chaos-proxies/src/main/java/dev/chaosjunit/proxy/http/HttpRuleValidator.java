package dev.chaosjunit.proxy.http;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Http2ErrorCode;
import dev.chaosjunit.fault.Rule;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks that a rule can be carried out on HTTP/1.1, naming the offending element and the fix. */
final class HttpRuleValidator {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  private static final Set<String> COMPUTED = Set.of("content-length", "transfer-encoding", "connection");
  private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");
  private static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "keep-alive", "proxy-connection", "upgrade", "te");
  private static final Set<DropMode> MODES = EnumSet.of(DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE,
      DropMode.RST_STREAM, DropMode.GOAWAY);
  private static final Set<String> RESPOND_PARAMS = Set.of(HttpResponses.CODE, HttpResponses.MESSAGE);

  private final Rule rule;

  HttpRuleValidator(Rule rule) {
    this.rule = rule;
  }

  void validate() {
    require(rule.direction() == Direction.UPSTREAM, "matches requests only: use direction [upstream]");
    rule.match().keySet().forEach(this::validateKey);
    Action action = rule.action();
    if (action instanceof Action.Error error) {
      require(error.code().isEmpty() || error.code().matches("[2-5]\\d\\d"),
          "has status code [" + error.code() + "]: use a final status 200..599");
      validateResponse(action, Set.of());
    } else if (action instanceof Action.Respond) {
      require(HttpResponses.params(action).getOrDefault(HttpResponses.CODE, "200").matches("[2-5]\\d\\d"),
          "has status code [" + HttpResponses.params(action).get(HttpResponses.CODE) + "]: use a final status 200..599");
      validateResponse(action, RESPOND_PARAMS);
    } else if (action instanceof Action.Drop drop) {
      require(MODES.contains(drop.modeOr(DropMode.CLOSE)), "has drop mode [" + drop.modeOr(DropMode.CLOSE).wireName()
          + "]: use close, reset, blackhole, rst_stream or goaway (the last two on HTTP/2; they close an HTTP/1.1 connection)");
      drop.params().forEach((name, value) -> {
        require(name.equals("code"), "has drop parameter [" + name + "]: use code (an HTTP/2 error code)");
        try {
          Http2ErrorCode.of(value);
        } catch (IllegalArgumentException e) {
          require(false, "has " + e.getMessage());
        }
      });
    } else if (action instanceof Action.Rewrite rewrite) {
      validateRewrite(rewrite);
    } else {
      require(action instanceof Action.Delay, "has action [" + action.type() + "], which http does not support:"
          + " use error, respond, rewrite, delay or drop");
    }
  }

  /** How a DROP ends an HTTP/1.1 connection: the HTTP/2 modes (one stream, GOAWAY) close it. */
  static DropMode http11(DropMode mode) {
    return mode == DropMode.RST_STREAM || mode == DropMode.GOAWAY ? DropMode.CLOSE : mode;
  }

  private void validateKey(String key) {
    boolean header = key.startsWith("header.") && TOKEN.matcher(key.substring(7)).matches();
    require(key.equals("method") || key.equals("path") || key.equals("authority") || header,
        "has no match key [" + key + "] for http: use [method], [path], [authority] or [header.<Name>]");
  }

  private void validateResponse(Action action, Set<String> names) {
    HttpResponses.params(action).forEach((name, value) -> {
      if (name.startsWith(HttpResponses.HEADER)) {
        validateHeader(name.substring(HttpResponses.HEADER.length()), value);
      } else {
        require(names.contains(name), "has parameter [" + name + "]: use "
            + (names.isEmpty() ? "" : "code, message or ") + "header.<Name>");
      }
    });
  }

  /** Headers set ({@code header.<Name>}) or removed ({@code remove}); none both, none that cannot change. */
  private void validateRewrite(Action.Rewrite rewrite) {
    Set<String> removed = HttpResponses.removed(rewrite);
    require(!removed.isEmpty() || !HttpResponses.headers(rewrite).isEmpty(),
        "rewrites no header: set header.<Name> or remove (names, comma-separated)");
    removed.forEach(this::validateRewritable);
    rewrite.params().forEach((name, value) -> {
      if (name.startsWith(HttpResponses.HEADER)) {
        String header = name.substring(HttpResponses.HEADER.length());
        validateRewritable(header);
        validateHeader(header, value);
        require(!removed.contains(header), "both sets and removes header [" + header + "]: keep one");
      } else {
        require(name.equals(Action.Rewrite.REMOVE), "has parameter [" + name + "]: use header.<Name> or remove");
      }
    });
  }

  private void validateRewritable(String name) {
    require(!name.startsWith(":"), "rewrites HTTP/2 pseudo-header [" + name + "]: the status stays the server's;"
        + " use error(status, body) to answer with another");
    require(TOKEN.matcher(name).matches(), "has header name [" + name + "], which is not an HTTP token");
    String lower = name.toLowerCase(Locale.ROOT);
    require(!FRAMING.contains(lower), "rewrites header [" + name + "], which frames the body on HTTP/1.1:"
        + " the body stays as the server sent it");
    require(!CONNECTION_SPECIFIC.contains(lower), "rewrites connection-specific header [" + name + "]: HTTP/2 forbids"
        + " it in a response (RFC 9113, section 8.2.2), and an http rule serves HTTP/1.1 and HTTP/2 alike");
  }

  private void validateHeader(String name, String value) {
    require(TOKEN.matcher(name).matches(), "has header name [" + name + "], which is not an HTTP token");
    require(!COMPUTED.contains(name.toLowerCase(Locale.ROOT)),
        "sets header [" + name + "], which the proxy computes: remove it");
    require(value.indexOf('\r') < 0 && value.indexOf('\n') < 0,
        "has a line break in header [" + name + "]: remove CR and LF");
    require(value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7F), "has a character other than visible"
        + " ASCII, space or tab in the value of header [" + name + "]: encode it (e.g. percent-encoding, RFC 8187)");
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("http rule [" + rule.name() + "] " + problem);
    }
  }
}
