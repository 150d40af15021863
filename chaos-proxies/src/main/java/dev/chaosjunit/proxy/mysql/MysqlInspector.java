package dev.chaosjunit.proxy.mysql;

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
 * MySQL and MariaDB inspector, named {@code mysql}.
 *
 * <p>Match keys: {@code sql} (canonicalised by {@link dev.chaosjunit.proxy.sql.SqlCanonicalizer}) and
 * {@code command} (its first keyword), for COM_QUERY and for each COM_STMT_EXECUTE (the SQL of the
 * prepared statement, learnt from COM_STMT_PREPARE and its response). Actions:
 * <ul>
 *   <li>{@code ERROR} with {@code code} (error number, e.g. 1213), {@code sqlstate} (five characters,
 *       HY000 by default) and {@code message}: an ERR packet with the response's sequence id. The
 *       statement is not executed: the server gets an invalid statement in its place, answers it with a
 *       syntax error in the right place of its response stream, and the proxy swaps that error.
 *       {@code rollback} ({@code true}/{@code false}; default {@code true} for 1213, the deadlock a server
 *       answers by rolling the transaction back, {@code false} otherwise) sends a ROLLBACK of the proxy's
 *       own first, whose answer the client never sees; not for a statement after others in one
 *       multi-statement query, whose earlier statements must run first.</li>
 *   <li>{@code RESPOND}: an OK packet (0 rows affected) instead of executing the statement.</li>
 *   <li>{@code DELAY} ({@code ms}) and {@code DROP} ({@code mode} close, reset or blackhole).</li>
 * </ul>
 * The proxy clears CLIENT_SSL in the server's greeting, so clients that prefer TLS (MySQL Connector/J's
 * default {@code sslMode=PREFERRED}) go on in plaintext and stay inspectable; {@code sslMode=REQUIRED}
 * fails as against a server without TLS. Authentication passes through untouched: mysql_native_password
 * works as is; caching_sha2_password's fast path works, its full authentication over plaintext needs the
 * server's RSA key ({@code allowPublicKeyRetrieval=true} or {@code serverRSAPublicKeyFile} in
 * Connector/J). CLIENT_QUERY_ATTRIBUTES is cleared too; compressed connections are relayed uninspected.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MysqlInspector extends SqlInspector {

  /** The protocol name. */
  public static final String NAME = "mysql";

  public MysqlInspector() {
    super(NAME, Set.of(Action.Error.class, Action.Respond.class, Action.Delay.class, Action.Drop.class),
        Set.of(MyFault.SQLSTATE, MyFault.ROLLBACK));
  }

  @Override
  protected void validateError(Rule rule, Action.Error error) {
    String code = error.code();
    if (!code.matches("[0-9]{1,5}") || Integer.parseInt(code) > 0xFFFF) {
      throw SqlRules.invalid(NAME, rule,
          "error [code=" + code + "] is not a MySQL error number; use a number from 1 to 65535, e.g. 1213");
    }
    String rollback = error.param(MyFault.ROLLBACK).orElse("false");
    if (!rollback.equals("true") && !rollback.equals("false")) {
      throw SqlRules.invalid(NAME, rule, "error [rollback=" + rollback + "] must be true or false");
    }
    String sqlState = error.param(MyFault.SQLSTATE).orElse("HY000");
    if (!SQLSTATE.matcher(sqlState).matches()) {
      throw SqlRules.invalid(NAME, rule,
          "error [sqlstate=" + sqlState + "] is not a SQLSTATE; use five digits or capital letters, e.g. 40001");
    }
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new MysqlSession(connection);
  }
}
