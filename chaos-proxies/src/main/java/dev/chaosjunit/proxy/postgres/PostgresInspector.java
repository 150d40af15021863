package dev.chaosjunit.proxy.postgres;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.sql.SqlInspector;
import dev.chaosjunit.proxy.sql.SqlRules;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * PostgreSQL (protocol v3) inspector, named {@code postgres}.
 *
 * <p>Match keys: {@code sql} (the statement canonicalised by
 * {@link dev.chaosjunit.proxy.sql.SqlCanonicalizer}) and {@code command} (its first keyword, e.g.
 * {@code INSERT}), for simple Query messages and for each Execute of the extended protocol (the SQL of
 * the portal's statement, named or unnamed). Actions:
 * <ul>
 *   <li>{@code ERROR} with {@code code} (SQLSTATE), {@code message}, {@code severity} (ERROR by
 *       default; FATAL or PANIC close the connection after the ErrorResponse, like the server does). The
 *       statement is not executed: the proxy sends the server an invalid statement in its place, so the
 *       server itself skips to Sync, fails the transaction block and reports the right ReadyForQuery
 *       status, and the proxy swaps the server's syntax error for the chosen one.</li>
 *   <li>{@code DELAY} ({@code ms}): the statement reaches the server that much later.</li>
 *   <li>{@code DROP} ({@code mode} close, reset or blackhole).</li>
 * </ul>
 * The proxy answers SSLRequest and GSSENCRequest with {@code N}, so clients in {@code sslmode=prefer}
 * (the pgjdbc and libpq default) go on in plaintext and stay inspectable; {@code sslmode=require}
 * fails, as against a server without SSL.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PostgresInspector extends SqlInspector {

  /** The protocol name. */
  public static final String NAME = "postgres";

  public PostgresInspector() {
    super(NAME, Set.of(Action.Error.class, Action.Delay.class, Action.Drop.class), Set.of(PgFault.SEVERITY));
  }

  @Override
  protected void validateError(Rule rule, Action.Error error) {
    String code = error.code();
    if (!SQLSTATE.matcher(code).matches()) {
      throw SqlRules.invalid(NAME, rule,
          "error [code=" + code + "] is not a SQLSTATE; use five digits or capital letters, e.g. 53100");
    }
    String severity = error.param(PgFault.SEVERITY).orElse("ERROR");
    if (!PgFault.SEVERITIES.contains(severity)) {
      throw SqlRules.invalid(NAME, rule,
          "error [severity=" + severity + "] is unknown; use ERROR, FATAL (closes the connection) or PANIC");
    }
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new PostgresSession(connection);
  }
}
