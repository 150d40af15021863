package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The lexical rules that differ between the SQL dialects the proxy canonicalises. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SqlDialect {
  /** PostgreSQL: {@code "ident"}, {@code E'...'}, {@code $tag$...$tag$} and {@code $n} placeholders. */
  POSTGRES,
  /** MySQL/MariaDB: {@code `ident`}, {@code "..."} strings, backslash escapes, {@code #} comments. */
  MYSQL
}
