/**
 * What the SQL inspectors share: {@link dev.chaosjunit.proxy.sql.SqlCanonicalizer}, the form that rules'
 * {@code sql} globs are matched against (case-insensitively, {@code *} and {@code **} alike), and
 * internal helpers for rule checks and injected-error bookkeeping (framing is the SPI's
 * {@link dev.chaosjunit.proxy.protocol.FramedSession}).
 */
package dev.chaosjunit.proxy.sql;
