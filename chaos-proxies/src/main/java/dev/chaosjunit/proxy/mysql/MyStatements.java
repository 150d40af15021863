package dev.chaosjunit.proxy.mysql;

import dev.chaosjunit.proxy.sql.SqlDialect;
import dev.chaosjunit.proxy.sql.SqlTexts;
import java.util.HashMap;
import java.util.Map;

/**
 * Server-side prepared statements: the SQL of each COM_STMT_PREPARE waits in order for its response,
 * whose OK packet carries the statement id. Id {@code -1} (MariaDB's pipelined prepare-and-execute)
 * means the statement prepared last.
 */
final class MyStatements {

  private final SqlTexts texts = new SqlTexts(MysqlInspector.NAME, SqlDialect.MYSQL);
  private final Map<Integer, SqlTexts.Parsed> byId = new HashMap<>();
  private SqlTexts.Parsed lastPrepared;

  /** The statements and facts of a COM_QUERY's text. */
  SqlTexts.Parsed query(String text) {
    return texts.parse(text);
  }

  /** The client sent COM_STMT_PREPARE; returns what to queue for its response. */
  SqlTexts.Parsed preparing(String text) {
    lastPrepared = texts.parse(text);
    return lastPrepared;
  }

  /** The server answered a prepare with this id. */
  void prepared(int id, SqlTexts.Parsed sql) {
    byId.put(id, sql);
  }

  void closed(int id) {
    byId.remove(id);
  }

  /** The SQL of a statement id, or {@code null} when unknown. */
  SqlTexts.Parsed get(int id) {
    return id == -1 ? lastPrepared : byId.get(id);
  }
}
