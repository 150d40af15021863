package dev.chaosjunit.proxy.postgres;

import dev.chaosjunit.proxy.sql.SqlCanonicalizer;
import dev.chaosjunit.proxy.sql.SqlDialect;
import java.util.HashMap;
import java.util.Map;

/**
 * The extended protocol's names as the client declares them: prepared statement name to its SQL (from
 * Parse), portal name to its statement's SQL (from Bind), forgotten on Close. The unnamed statement
 * and portal are the name {@code ""}.
 */
final class PgStatements {

  /** A statement's canonical SQL and command, computed once per Parse. */
  record Sql(String canonical, String command) {
    static Sql of(String text) {
      String canonical = SqlCanonicalizer.canonicalize(text, SqlDialect.POSTGRES);
      return new Sql(canonical, SqlCanonicalizer.command(canonical));
    }
  }

  private final Map<String, Sql> statements = new HashMap<>();
  private final Map<String, Sql> portals = new HashMap<>();

  void parsed(String statement, String text) {
    statements.put(statement, Sql.of(text));
  }

  void bound(String portal, String statement) {
    Sql sql = statements.get(statement);
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
  Sql portal(String portal) {
    return portals.get(portal);
  }
}
