package dev.chaosjunit.proxy.postgres;

import dev.chaosjunit.proxy.sql.SqlDialect;
import dev.chaosjunit.proxy.sql.SqlTexts;
import java.util.HashMap;
import java.util.Map;

/**
 * The extended protocol's names as the client declares them: prepared statement name to its SQL (from
 * Parse), portal name to its statement's SQL (from Bind), forgotten on Close. The unnamed statement
 * and portal are the name {@code ""}.
 */
final class PgStatements {

  private final SqlTexts texts = new SqlTexts(PostgresInspector.NAME, SqlDialect.POSTGRES);
  private final Map<String, SqlTexts.Parsed> statements = new HashMap<>();
  private final Map<String, SqlTexts.Parsed> portals = new HashMap<>();

  /** The statements and facts of a simple Query's text. */
  SqlTexts.Parsed query(String text) {
    return texts.parse(text);
  }

  void parsed(String statement, String text) {
    statements.put(statement, texts.parse(text));
  }

  void bound(String portal, String statement) {
    SqlTexts.Parsed sql = statements.get(statement);
    if (sql == null) {
      portals.remove(portal);
    } else {
      portals.put(portal, sql);
    }
  }

  void closed(byte kind, String name) {
    (kind == 'S' ? statements : portals).remove(name);
  }

  /** The SQL a portal runs, or {@code null} when the client never declared it to us. */
  SqlTexts.Parsed portal(String portal) {
    return portals.get(portal);
  }
}
