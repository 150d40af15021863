package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.fault.Rule;
import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/** Rule checks shared by the SQL inspectors; each failure names the rule, the element and the fix. */
@API(status = INTERNAL, since = "0.1")
public final class SqlRules {

  /** The match keys of both SQL protocols. */
  public static final Set<String> MATCH_KEYS = Set.of("sql", "command");

  private SqlRules() {}

  /** The drop modes of both SQL protocols; {@link DropMode#CLOSE} is the default. */
  public static final Set<DropMode> DROP_MODES = EnumSet.of(DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE);

  /** Checks direction, match keys, the action's kind and a DROP's mode; returns the action for further checks. */
  public static Action validateCommon(String protocol, Rule rule, Set<Class<? extends Action>> supported) {
    if (rule.direction() != Direction.UPSTREAM) {
      throw invalid(protocol, rule, "direction must be upstream: " + protocol + " rules match the client's statements");
    }
    for (String key : rule.match().keySet()) {
      if (!MATCH_KEYS.contains(key)) {
        throw invalid(protocol, rule, "unknown match key [" + key + "]; use [sql] or [command]");
      }
    }
    Action action = rule.action();
    if (!supported.contains(action.getClass())) {
      throw invalid(protocol, rule, "action [" + action.type() + "] is not supported; use one of "
          + supported.stream().map(Class::getSimpleName).map(String::toLowerCase).sorted().toList());
    }
    if (action instanceof Action.Drop drop && !DROP_MODES.contains(dropMode(drop))) {
      throw invalid(protocol, rule, "drop mode [" + drop.mode().wireName() + "] is not supported; use close, reset or blackhole");
    }
    return action;
  }

  /** Compiles a {@code sql} or {@code command} pattern: case-insensitive, without segments. */
  public static Glob glob(String pattern) {
    return Glob.compile(pattern, Glob.NO_SEPARATOR, true);
  }

  /** The DROP action's mode, {@link DropMode#CLOSE} by default. */
  public static DropMode dropMode(Action.Drop drop) {
    return drop.modeOr(DropMode.CLOSE);
  }

  /** An error for this rule. */
  public static IllegalArgumentException invalid(String protocol, Rule rule, String problem) {
    return new IllegalArgumentException(protocol + " rule [" + rule.name() + "]: " + problem);
  }

}
