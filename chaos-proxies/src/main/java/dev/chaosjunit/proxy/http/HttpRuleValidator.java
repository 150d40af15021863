package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.RuleSpec;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks that a rule can be carried out on HTTP/1.1, naming the offending element and the fix. */
final class HttpRuleValidator {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  private static final Set<String> COMPUTED = Set.of("content-length", "transfer-encoding", "connection");
  private static final Set<String> MODES = Set.of("close", "reset", "blackhole");
  private static final Set<String> PARAMS = Set.of("code", "message");

  private final RuleSpec rule;

  HttpRuleValidator(RuleSpec rule) {
    this.rule = rule;
  }

  void validate() {
    require(rule.direction() == Direction.REQUEST, "matches requests only: use direction [REQUEST]");
    rule.match().keySet().forEach(this::validateKey);
    ActionSpec action = rule.action();
    switch (action.type()) {
      case ERROR, RESPOND -> validateResponse(action);
      case DELAY -> require(action.param("ms").orElse("0").matches("\\d{1,18}"),
          "has ms [" + action.param("ms").orElse("") + "]: expected a whole number >= 0");
      case DROP -> require(MODES.contains(action.param("mode").orElse("close")),
          "has drop mode [" + action.param("mode").orElse("") + "]: use close, reset or blackhole");
      default -> require(false, "has action [" + action.type() + "], which http does not support:"
          + " use ERROR, RESPOND, DELAY or DROP");
    }
  }

  private void validateKey(String key) {
    boolean header = key.startsWith("header.") && TOKEN.matcher(key.substring(7)).matches();
    require(key.equals("method") || key.equals("path") || header,
        "has no match key [" + key + "] for http: use [method], [path] or [header.<Name>]");
  }

  private void validateResponse(ActionSpec action) {
    String code = action.param("code").orElse("500");
    require(code.matches("[2-5]\\d\\d"), "has status code [" + code + "]: use a final status 200..599");
    action.params().forEach((name, value) -> {
      if (name.startsWith("header.")) {
        validateHeader(name.substring(7), value);
      } else {
        require(PARAMS.contains(name), "has parameter [" + name + "]: use code, message or header.<Name>");
      }
    });
  }

  private void validateHeader(String name, String value) {
    require(TOKEN.matcher(name).matches(), "has header name [" + name + "], which is not an HTTP token");
    require(!COMPUTED.contains(name.toLowerCase(java.util.Locale.ROOT)),
        "sets header [" + name + "], which the proxy computes: remove it");
    require(value.indexOf('\r') < 0 && value.indexOf('\n') < 0,
        "has a line break in header [" + name + "]: remove CR and LF");
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("http rule [" + rule.name() + "] " + problem);
    }
  }
}
