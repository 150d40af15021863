/**
 * PostgreSQL (frontend/backend protocol 3.x) inspector, {@link dev.chaosjunit.proxy.postgres.PostgresInspector}.
 *
 * <h2>What passes through</h2>
 * Startup, SCRAM-SHA-256 (and every other) authentication, simple and extended query protocol with named
 * and unnamed statements and portals, pipelined batches, COPY in and out, LISTEN/NOTIFY, transactions,
 * cancel requests. The proxy answers {@code SSLRequest} and {@code GSSENCRequest} with {@code N} itself,
 * so {@code sslmode=prefer} (pgjdbc's and libpq's default) connects in plaintext and stays inspectable;
 * {@code sslmode=require} fails as against a server without SSL. Traffic that does not decode is relayed
 * unchanged, with the reason logged once.
 *
 * <h2>How an error is injected</h2>
 * A matched Query or Execute is not forwarded: the server receives an invalid statement carrying a unique
 * token instead (a Query of it, or a Parse in the extended protocol). The server rejects it exactly where
 * the real statement would have failed: after its answers to earlier pipelined messages, skipping the rest
 * of the pipeline to Sync, failing an open transaction block, and with the right ReadyForQuery status.
 * The proxy then swaps the server's syntax error, recognised by the token, for an ErrorResponse with the
 * rule's severity, SQLSTATE and message. Severity FATAL (or PANIC) closes the connection after the
 * ErrorResponse, as the server does for 57P01. In a multi-statement Query the statements before the
 * matched one are kept, so they run (and roll back) as they would.
 */
package dev.chaosjunit.proxy.postgres;
