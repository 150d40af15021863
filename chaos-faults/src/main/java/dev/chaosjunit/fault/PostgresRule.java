package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/** A PostgreSQL rule: match keys {@code sql} (the canonical statement) and {@code command} (its first keyword); errors carry a SQLSTATE, a message and a {@code severity}. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PostgresRule extends RuleBuilder<PostgresRule> {

  PostgresRule(String service) {
    super(service, "postgres");
  }

  /** Matches statements whose SQL text matches the glob, e.g. {@code INSERT*}. */
  public PostgresRule query(String sqlGlob) {
    return match("sql", sqlGlob);
  }

  /** Matches statements whose first keyword matches the glob, e.g. {@code INSERT} or {@code SELECT}. */
  public PostgresRule command(String keywordGlob) {
    return match("command", keywordGlob);
  }

  /** Answers with an ErrorResponse of severity ERROR. */
  public Fault error(String sqlState, String message) {
    return error(sqlState, message, "ERROR");
  }

  /** Answers with an ErrorResponse of the given severity (e.g. {@code FATAL}). */
  public Fault error(String sqlState, String message, String severity) {
    if (sqlState == null || sqlState.length() != 5) {
      throw new IllegalArgumentException("a SQLSTATE has five characters, was [" + sqlState + "]");
    }
    return build(new Action.Error(sqlState, message, Map.of("severity", Checks.name(severity, "severity"))));
  }
}
