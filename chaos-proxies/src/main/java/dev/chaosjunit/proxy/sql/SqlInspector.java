package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What the SQL inspectors share: the match keys {@code sql} and {@code command} (case-insensitive globs
 * without segments), upstream rules only, a DROP's modes, and the checks of their ERROR codes, left to
 * each protocol.
 */
@API(status = INTERNAL, since = "0.1")
public abstract class SqlInspector implements ProtocolInspector {

  /** Five digits or capital letters, as every SQLSTATE. */
  protected static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");

  private final String name;
  private final Set<Class<? extends Action>> actions;
  private final Set<String> errorParams;

  /** An inspector named {@code name} that supports {@code actions}, its errors taking {@code errorParams}. */
  protected SqlInspector(String name, Set<Class<? extends Action>> actions, Set<String> errorParams) {
    this.name = name;
    this.actions = actions;
    this.errorParams = errorParams;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> matchKeys() {
    return SqlRules.MATCH_KEYS;
  }

  /** {@code sql} and {@code command} globs ignore case and have no segments. */
  @Override
  public final Glob glob(String key, String pattern) {
    return SqlRules.glob(pattern);
  }

  @Override
  public final void validate(Rule rule) {
    if (SqlRules.validateCommon(name, rule, actions) instanceof Action.Error error) {
      for (String param : error.params().keySet()) {
        if (!errorParams.contains(param)) {
          throw SqlRules.invalid(name, rule, "error parameter [" + param + "] is unknown; use " + errorParams);
        }
      }
      validateError(rule, error);
    }
  }

  /**
   * Checks that the protocol can send {@code error}.
   *
   * @throws IllegalArgumentException from {@link SqlRules#invalid}
   */
  protected abstract void validateError(Rule rule, Action.Error error);
}
