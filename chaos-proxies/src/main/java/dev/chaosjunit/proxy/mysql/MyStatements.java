package dev.chaosjunit.proxy.mysql;

import dev.chaosjunit.proxy.sql.SqlCanonicalizer;
import dev.chaosjunit.proxy.sql.SqlDialect;
import java.util.HashMap;
import java.util.Map;

/**
 * Server-side prepared statements: the SQL of each COM_STMT_PREPARE waits in order for its response,
 * whose OK packet carries the statement id. Id {@code -1} (MariaDB's pipelined prepare-and-execute)
 * means the statement prepared last.
 */
final class MyStatements {

  /** A statement's canonical SQL and command, computed once. */
  record Sql(String canonical, String command) {
    static Sql of(String text) {
      String canonical = SqlCanonicalizer.canonicalize(text, SqlDialect.MYSQL);
      return new Sql(canonical, SqlCanonicalizer.command(canonical));
    }
  }

  private final Map<Integer, Sql> byId = new HashMap<>();
  private Sql lastPrepared;

  /** The client sent COM_STMT_PREPARE; returns what to queue for its response. */
  Sql preparing(String text) {
    lastPrepared = Sql.of(text);
    return lastPrepared;
  }

  /** The server answered a prepare with this id. */
  void prepared(int id, Sql sql) {
    byId.put(id, sql);
  }

  void closed(int id) {
    byId.remove(id);
  }

  /** The SQL of a statement id, or {@code null} when unknown. */
  Sql get(int id) {
    return id == -1 ? lastPrepared : byId.get(id);
  }
}
