/**
 * MySQL and MariaDB client/server protocol inspector, {@link dev.chaosjunit.proxy.mysql.MysqlInspector}.
 *
 * <h2>What passes through</h2>
 * The server-speaks-first handshake, authentication (mysql_native_password, caching_sha2_password,
 * ed25519, auth switch: the proxy only watches for the final OK), COM_QUERY with multi-statements and
 * multi-result sets, server-side prepared statements (COM_STMT_PREPARE/EXECUTE, MariaDB's pipelined
 * prepare-and-execute and bulk execute), COM_CHANGE_USER.
 *
 * <h2>What the proxy changes</h2>
 * It clears CLIENT_SSL in the server's greeting, so clients that prefer TLS (Connector/J's
 * {@code sslMode=PREFERRED}) continue in plaintext and stay inspectable; a client that requires TLS fails
 * as against a server without it. caching_sha2_password's fast path works over plaintext; its full
 * authentication (first login after a server restart, or a cache miss) needs the server's RSA public key:
 * {@code allowPublicKeyRetrieval=true} or {@code serverRSAPublicKeyFile=...} for MySQL Connector/J,
 * {@code allowPublicKeyRetrieval=true} or {@code serverRsaPublicKeyFile=...} for MariaDB Connector/J. It
 * also clears CLIENT_QUERY_ATTRIBUTES so that COM_QUERY carries the bare SQL. A client that still starts
 * TLS or asks for compression is relayed uninspected, with the reason logged.
 *
 * <h2>How an error is injected</h2>
 * The matched COM_QUERY or COM_STMT_EXECUTE is not forwarded; the server receives a COM_QUERY of an
 * invalid statement carrying a unique token, answers it with a syntax error in the right place of its
 * response stream, and the proxy swaps that ERR packet for one with the rule's error number, SQLSTATE and
 * message and the same sequence id. A deadlock (1213) also rolls the transaction back, as the server
 * does: the proxy sends a ROLLBACK of its own first and hides its answer ({@code rollback=true/false} overrides).
 */
package dev.chaosjunit.proxy.mysql;
