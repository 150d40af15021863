package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A MongoDB rule, modelled on mongod's {@code failCommand} fail point and named like its fields: commands
 * match {@code command} (required, as {@code failCommands} is), {@code database} and {@code collection};
 * {@link #errorCode}, {@link #writeError} and {@link #writeConcernError} answer as mongod does, with the
 * {@link #errorLabels} asked for; {@link #blockConnection} delays, {@link #closeConnection} closes.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MongoRule extends RuleBuilder<MongoRule> {

  private List<String> errorLabels = List.of();

  MongoRule(String service) {
    super(service, "mongodb");
  }

  /**
   * Matches commands by name (the body's first element, e.g. {@code insert}, {@code find}); a wildcard never
   * matches the handshake and monitoring commands ({@code hello}, {@code isMaster}, {@code saslStart}...),
   * which a rule names literally.
   */
  public MongoRule command(String commandGlob) {
    return match("command", commandGlob);
  }

  /** Matches commands on a database ({@code $db}) whose name matches the glob. */
  public MongoRule database(String databaseGlob) {
    return match("database", databaseGlob);
  }

  /** Matches commands on a collection (the value of the command's first element) whose name matches the glob. */
  public MongoRule collection(String collectionGlob) {
    return match("collection", collectionGlob);
  }

  /**
   * The labels the error carries (e.g. {@code RetryableWriteError}, {@code TransientTransactionError}):
   * drivers do not add them themselves for servers of 4.4 and later. Set before the action.
   */
  public MongoRule errorLabels(String... labels) {
    for (String label : labels) {
      Checks.name(label, "error label");
      if (label.contains(",")) {
        throw new IllegalArgumentException("error label [" + label + "] contains a comma: pass each label separately");
      }
    }
    this.errorLabels = List.of(labels);
    return this;
  }

  /**
   * Answers each matching command with a command error {@code {ok: 0, errmsg, code, codeName, errorLabels}}
   * in the server's place, e.g. {@code errorCode(91, "ShutdownInProgress", "The server is in quiesce mode")}:
   * the driver raises {@code MongoCommandException}.
   */
  public Fault errorCode(int code, String codeName, String errmsg) {
    return error("errorCode", code, codeName, errmsg);
  }

  /**
   * Answers each matching write with {@code {ok: 1, n: 0, writeErrors: [{index: 0, code, errmsg}]}} in the
   * server's place, e.g. {@code writeError(11000, "E11000 duplicate key error")}: nothing is written, the
   * driver raises {@code MongoWriteException} (11000 is the DUPLICATE_KEY category).
   */
  public Fault writeError(int code, String errmsg) {
    return error("writeErrors", code, "", errmsg);
  }

  /**
   * Lets each matching write run and adds {@code writeConcernError: {code, codeName, errmsg}} to the server's
   * reply, e.g. {@code writeConcernError(64, "WriteConcernFailed", "waiting for replication timed out")}.
   */
  public Fault writeConcernError(int code, String codeName, String errmsg) {
    return error("writeConcernError", code, codeName, errmsg);
  }

  /** Holds each matching command back for {@code blockTime} before it reaches the server. */
  public Fault blockConnection(Duration blockTime) {
    return delay(blockTime);
  }

  /** Closes the connection instead of sending the matching command on. */
  public Fault closeConnection() {
    return drop(DropMode.CLOSE);
  }

  private Fault error(String kind, int code, String codeName, String errmsg) {
    if (code == 0) {
      throw new IllegalArgumentException("MongoDB error code [0] means no error: use a code such as 91 (ShutdownInProgress)");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("kind", kind);
    if (codeName != null && !codeName.isBlank()) {
      params.put("codeName", codeName);
    }
    if (!errorLabels.isEmpty()) {
      params.put("errorLabels", String.join(",", errorLabels));
    }
    return build(new Action.Error(Integer.toString(code), errmsg, params));
  }
}
