package dev.chaosjunit.proxy.mongo;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * MongoDB's wire protocol (OP_MSG). Rules match commands (requests only) by {@code command} (the body's
 * first element name, required in every rule, as {@code failCommands} is in mongod's {@code failCommand}
 * fail point), {@code database} ({@code $db}) and {@code collection} (the first element's string value).
 * A wildcard in {@code command} never matches the handshake and monitoring commands ({@code hello},
 * {@code isMaster}, {@code saslStart}, {@code saslContinue}, {@code authenticate}): a rule names them
 * literally. Actions: {@code ERROR} with {@code kind} {@code errorCode} (a command error), {@code writeErrors}
 * or {@code writeConcernError} (see {@link MongoErrors}), {@code DELAY}, {@code DROP} ({@code CLOSE} by default,
 * {@code RESET}, {@code BLACKHOLE}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MongoInspector implements ProtocolInspector {

  /** The protocol name. */
  public static final String NAME = "mongodb";

  static final String COMMAND = "command";
  static final String DATABASE = "database";
  static final String COLLECTION = "collection";
  static final Set<String> MATCH_KEYS = Set.of(COMMAND, DATABASE, COLLECTION);
  static final Set<String> HANDSHAKE = Set.of("hello", "isMaster", "ismaster", "saslStart", "saslContinue", "authenticate");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> matchKeys() {
    return MATCH_KEYS;
  }

  @Override
  public void validate(Rule rule) {
    new MongoRuleValidator(rule).validate();
  }

  /** Case-sensitive globs without segments; a {@code command} glob reaches the handshake's commands only literally. */
  @Override
  public Glob glob(String key, String pattern) {
    return key.equals(COMMAND) ? Glob.compileExceptWildcard(pattern, HANDSHAKE) : Glob.compile(pattern);
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new MongoSession();
  }
}
