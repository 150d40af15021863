/**
 * What the SQL inspectors share: {@link dev.chaosjunit.proxy.sql.SqlCanonicalizer}, the form that rules'
 * {@code sql} globs are matched against (case-insensitively, {@code *} and {@code **} alike), and
 * internal helpers for framing, rule checks and injected-error bookkeeping.
 */
package dev.chaosjunit.proxy.sql;
