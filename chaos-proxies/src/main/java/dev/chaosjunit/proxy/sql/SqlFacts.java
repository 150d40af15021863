package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.fault.Rule;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** The match facts of SQL text, one {@code sql} and {@code command} value per statement. */
@API(status = INTERNAL, since = "0.1")
public final class SqlFacts {

  private SqlFacts() {}

  /** Facts for the statements of one message; an empty text gives one empty statement. */
  public static MessageFacts of(String protocol, List<SqlStatement> statements) {
    if (statements.isEmpty()) {
      return MessageFacts.of(protocol).put("sql", "").put("command", "").build();
    }
    return MessageFacts.of(protocol)
        .put("sql", statements.stream().map(SqlStatement::canonical).toList())
        .put("command", statements.stream().map(SqlStatement::command).toList())
        .build();
  }

  /**
   * Where the text sent in place of a matched multi-statement message starts to differ: the start of
   * the first statement that the rule matches on its own (0 when none does by itself).
   */
  public static int matchedStart(Rule rule, List<SqlStatement> statements) {
    for (SqlStatement statement : statements) {
      if (rule.match().entrySet().stream().allMatch(entry -> matches(entry, statement))) {
        return statement.start();
      }
    }
    return 0;
  }

  private static boolean matches(Map.Entry<String, String> entry, SqlStatement statement) {
    String value = "command".equals(entry.getKey()) ? statement.command() : statement.canonical();
    return SqlRules.glob(entry.getValue()).matches(value);
  }
}
