package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Turns SQL text into the canonical form that rules' {@code sql} globs are matched against.
 *
 * <ul>
 *   <li>comments are removed and every run of whitespace becomes one space, none at the ends;</li>
 *   <li>keywords and unquoted identifiers are upper-cased; quoted identifiers keep their text;</li>
 *   <li>string, number, dollar-quoted (PostgreSQL) and {@code "..."} (MySQL) literals become {@code ?},
 *       as do PostgreSQL's {@code $1} placeholders; {@code ?} placeholders stay;</li>
 *   <li>no space after {@code (} or before {@code )} and {@code ,}; one space after {@code ,};
 *       a trailing {@code ;} is dropped.</li>
 * </ul>
 * So {@code insert into orders(id,  note) values ($1, 'x') ;} becomes
 * {@code INSERT INTO ORDERS(ID, NOTE) VALUES (?, ?)}. The first keyword is the {@code command}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SqlCanonicalizer {

  private SqlCanonicalizer() {}

  /** The canonical form of {@code sql}. */
  public static String canonicalize(String sql, SqlDialect dialect) {
    return new SqlScanner(sql, dialect).scan();
  }

  /**
   * The statements of a text that may hold several ({@code BEGIN; INSERT ...; COMMIT}), in order, each
   * canonicalised; empty statements are left out, so an empty text has none.
   */
  public static List<SqlStatement> statements(String sql, SqlDialect dialect) {
    return new SqlScanner(sql, dialect).statements();
  }

  /** The statement's first keyword, upper-cased, e.g. {@code INSERT}; empty when there is none. */
  public static String command(String canonicalSql) {
    int start = 0;
    while (start < canonicalSql.length() && !Character.isLetter(canonicalSql.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < canonicalSql.length() && Character.isLetter(canonicalSql.charAt(end))) {
      end++;
    }
    return canonicalSql.substring(start, end).toUpperCase(Locale.ROOT);
  }
}
