package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/** A MySQL / MariaDB rule: match keys {@code sql} and {@code command}; errors carry an error number, a message, a {@code sqlstate} and whether they roll the transaction back. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MysqlRule extends RuleBuilder<MysqlRule> {

  MysqlRule(String service) {
    super(service, "mysql");
  }

  /** Matches statements whose SQL text matches the glob. */
  public MysqlRule query(String sqlGlob) {
    return match("sql", sqlGlob);
  }

  /** Matches statements whose first keyword matches the glob, e.g. {@code UPDATE} or {@code SELECT}. */
  public MysqlRule command(String keywordGlob) {
    return match("command", keywordGlob);
  }

  /**
   * Answers with an ERR packet, e.g. {@code error(1062, "23000", "Duplicate entry")}; a deadlock (1213)
   * also rolls the transaction back, as the server does, other errors do not.
   */
  public Fault error(int errorNumber, String sqlState, String message) {
    return build(new Action.Error(Integer.toString(errorNumber), message, Map.of("sqlstate", Checks.name(sqlState, "SQLSTATE"))));
  }

  /**
   * Answers with an ERR packet and rolls the transaction back or not, e.g. {@code error(1205, "HY000",
   * "Lock wait timeout exceeded", true)} for a server running with {@code innodb_rollback_on_timeout}.
   */
  public Fault error(int errorNumber, String sqlState, String message, boolean rollsBack) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("sqlstate", sqlState);
    params.put("rollback", Boolean.toString(rollsBack));
    return build(new Action.Error(Integer.toString(errorNumber), message, params));
  }
}
