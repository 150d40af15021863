package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.proxy.rule.RuleSpec;
import java.util.Set;
import org.apiguardian.api.API;

/** Rule checks shared by the SQL inspectors; each failure names the rule, the element and the fix. */
@API(status = INTERNAL, since = "0.1")
public final class SqlRules {

  /** The match keys of both SQL protocols. */
  public static final Set<String> MATCH_KEYS = Set.of("sql", "command");

  private static final Set<String> DROP_MODES = Set.of("close", "reset", "blackhole");

  private SqlRules() {}

  /** Checks direction, match keys and the DELAY/DROP parameters; returns the action for further checks. */
  public static ActionSpec validateCommon(String protocol, RuleSpec rule, Set<ActionSpec.Type> supported) {
    if (rule.direction() != Direction.REQUEST) {
      throw invalid(protocol, rule, "direction must be REQUEST: " + protocol + " rules match the client's statements");
    }
    for (String key : rule.match().keySet()) {
      if (!MATCH_KEYS.contains(key)) {
        throw invalid(protocol, rule, "unknown match key [" + key + "]; use [sql] or [command]");
      }
    }
    ActionSpec action = rule.action();
    if (!supported.contains(action.type())) {
      throw invalid(protocol, rule, "action [" + action.type() + "] is not supported; use one of " + supported);
    }
    if (action.type() == ActionSpec.Type.DELAY) {
      checkDelay(protocol, rule, action.param("ms").orElse("0"));
    }
    if (action.type() == ActionSpec.Type.DROP) {
      String mode = dropMode(action);
      if (!DROP_MODES.contains(mode)) {
        throw invalid(protocol, rule, "drop mode [" + mode + "] is unknown; use close, reset or blackhole");
      }
    }
    return action;
  }

  /** Compiles a {@code sql} or {@code command} pattern: case-insensitive, without segments. */
  public static Glob glob(String pattern) {
    return Glob.compile(pattern, Glob.NO_SEPARATOR, true);
  }

  /** The DROP action's mode, {@code close} by default. */
  public static String dropMode(ActionSpec action) {
    return action.param("mode").orElse("close");
  }

  /** An error for this rule. */
  public static IllegalArgumentException invalid(String protocol, RuleSpec rule, String problem) {
    return new IllegalArgumentException(protocol + " rule [" + rule.name() + "]: " + problem);
  }

  private static void checkDelay(String protocol, RuleSpec rule, String ms) {
    try {
      if (Long.parseLong(ms) >= 0) {
        return;
      }
    } catch (NumberFormatException e) {
      throw invalid(protocol, rule, "delay [ms=" + ms + "] is not a whole number of milliseconds (" + e.getMessage() + ")");
    }
    throw invalid(protocol, rule, "delay [ms=" + ms + "] must not be negative");
  }
}
