package dev.chaosjunit.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpRuleValidationTest {

  private final HttpInspector inspector = new HttpInspector();

  static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("bad", "", direction, match, action, 1, 0, 0);
  }

  static Stream<Arguments> badRules() {
    Map<String, String> api = Map.of("path", "/api/**");
    return Stream.of(
        Arguments.of(rule(Direction.DOWNSTREAM, api, Action.Error.of("", "")),
            "matches requests only: use direction [upstream]"),
        Arguments.of(rule(Direction.UPSTREAM, Map.of("url", "x"), Action.Error.of("", "")),
            "has no match key [url] for http"),
        Arguments.of(rule(Direction.UPSTREAM, Map.of("header.", "x"), Action.Error.of("", "")),
            "has no match key [header.] for http"),
        Arguments.of(rule(Direction.UPSTREAM, api, Action.Error.of("100", "")),
            "has status code [100]: use a final status 200..599"),
        Arguments.of(rule(Direction.UPSTREAM, api, new Action.Error("", "", Map.of("status", "503"))),
            "has parameter [status]: use header.<Name>"),
        Arguments.of(rule(Direction.UPSTREAM, api, new Action.Respond(Map.of("status", "503"))),
            "has parameter [status]: use code, message or header.<Name>"),
        Arguments.of(rule(Direction.UPSTREAM, api, new Action.Error("", "", Map.of("header.Content-Length", "3"))),
            "sets header [Content-Length], which the proxy computes"),
        Arguments.of(rule(Direction.UPSTREAM, api, new Action.Error("", "", Map.of("header.Bad Name", "3"))),
            "has header name [Bad Name], which is not an HTTP token"),
        Arguments.of(rule(Direction.UPSTREAM, api, new Action.Error("", "", Map.of("header.X", "a\nb"))),
            "has a line break in header [X]"),
        Arguments.of(rule(Direction.UPSTREAM, api, new Action.Drop(DropMode.TIMEOUT)),
            "has drop mode [timeout]: use close, reset, blackhole, rst_stream or goaway"),
        Arguments.of(rule(Direction.UPSTREAM, api, new Action.Drop(DropMode.RST_STREAM, Map.of("code", "NOPE"))),
            "has unknown HTTP/2 error code [NOPE]: use a name or number (0-13)"),
        Arguments.of(rule(Direction.UPSTREAM, Map.of("host", "x"), Action.Error.of("", "")),
            "has no match key [host] for http: use [method], [path], [authority] or [header.<Name>]"),
        Arguments.of(rule(Direction.UPSTREAM, api, new Action.Duplicate()),
            "has action [duplicate], which http does not support: use error, respond, rewrite, delay or drop"),
        Arguments.of(rewrite(Map.of()), "rewrites no header: set header.<Name> or remove (names, comma-separated)"),
        Arguments.of(rewrite(Map.of("header.:status", "404")), "rewrites HTTP/2 pseudo-header [:status]: the status"
            + " stays the server's; use error(status, body) to answer with another"),
        Arguments.of(rewrite(Map.of("remove", "ETag,:path")), "rewrites HTTP/2 pseudo-header [:path]"),
        Arguments.of(rewrite(Map.of("header.Content-Length", "3")),
            "rewrites header [Content-Length], which frames the body on HTTP/1.1: the body stays as the server sent it"),
        Arguments.of(rewrite(Map.of("remove", "transfer-encoding")),
            "rewrites header [transfer-encoding], which frames the body on HTTP/1.1"),
        Arguments.of(rewrite(Map.of("header.Connection", "close")), "rewrites connection-specific header [Connection]:"
            + " HTTP/2 forbids it in a response (RFC 9113, section 8.2.2), and an http rule serves HTTP/1.1 and HTTP/2 alike"),
        Arguments.of(rewrite(Map.of("remove", "Keep-Alive")), "rewrites connection-specific header [Keep-Alive]"),
        Arguments.of(rewrite(Map.of("header.X-A", "1", "remove", "x-a")), "both sets and removes header [X-A]: keep one"),
        Arguments.of(rewrite(Map.of("remove", "ETag", "status", "1")), "has parameter [status]: use header.<Name> or remove"),
        Arguments.of(rewrite(Map.of("remove", "ETag,,Date")), "has header name [], which is not an HTTP token"),
        Arguments.of(rewrite(Map.of("remove", "Bad Name")), "has header name [Bad Name], which is not an HTTP token"),
        Arguments.of(rewrite(Map.of("header.X-A", "a\r\nb")), "has a line break in header [X-A]: remove CR and LF"),
        Arguments.of(rewrite(Map.of("header.X-A", "caf\u00e9")), "has a character other than visible ASCII, space or tab"
            + " in the value of header [X-A]: encode it (e.g. percent-encoding, RFC 8187)"));
  }

  static Rule rewrite(Map<String, String> params) {
    return rule(Direction.UPSTREAM, Map.of("path", "/api/**"), new Action.Rewrite(params));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badRules")
  void badRulesAreRejectedNamingTheProblemAndTheFix(Rule rule, String problem) {
    assertThatThrownBy(() -> inspector.validate(rule))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("http rule [bad] ")
        .hasMessageContaining(problem);
  }

  @Test
  void theExtensionsRulesAreAccepted() {
    assertThatCode(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("method", "POST", "path", "/orders/**",
        "header.X-Tenant", "a*"), new Action.Error("503", "busy", Map.of("header.Retry-After", "7")))))
        .doesNotThrowAnyException();
  }

  @Test
  void theHttp2FaultsAreAccepted() {
    assertThatCode(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("authority", "api.local:*"),
        new Action.Drop(DropMode.RST_STREAM, Map.of("code", "REFUSED_STREAM"))))).doesNotThrowAnyException();
    assertThatCode(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("path", "/**"),
        new Action.Drop(DropMode.GOAWAY, Map.of("code", "11"))))).doesNotThrowAnyException();
  }

  @Test
  void aRewriteOfOrdinaryResponseHeadersIsAccepted() {
    assertThatCode(() -> inspector.validate(rewrite(Map.of("header.Cache-Control", "no-store",
        "header.Retry-After", "120", "remove", "Content-Type, ETag")))).doesNotThrowAnyException();
  }

  @Test
  void pathGlobsSplitAtSlashAndMethodsIgnoreCase() {
    assertThat(inspector.glob("path", "/api/*").matches("/api/orders")).isTrue();
    assertThat(inspector.glob("path", "/api/*").matches("/api/orders/1")).isFalse();
    assertThat(inspector.glob("path", "/api/**").matches("/api/orders/1")).isTrue();
    assertThat(inspector.glob("method", "post").matches("POST")).isTrue();
  }
}
