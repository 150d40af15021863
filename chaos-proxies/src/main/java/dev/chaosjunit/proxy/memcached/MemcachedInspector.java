package dev.chaosjunit.proxy.memcached;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import java.util.Set;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memcached's text and meta protocols. Commands that carry keys (storage commands, {@code get},
 * {@code gets}, {@code gat}, {@code gats}, {@code delete}, {@code incr}, {@code decr}, {@code touch},
 * {@code mg}, {@code ms}, {@code md}, {@code ma}) match {@code command} (as sent, case-insensitive glob) and
 * {@code key} (case-sensitive; every key of a multi-get). Actions: {@code ERROR} answers
 * {@code SERVER_ERROR <message>} ({@code out of memory storing object} by default) in place of the server's
 * reply, the command and its data block never reaching the server; {@code RESPOND} with
 * {@code reply=miss} makes reads miss (a multi-get loses the matched keys alone) and with
 * {@code reply=not_stored} makes writes answer {@code NOT_STORED} / {@code NS}; {@code DELAY} holds the
 * command back; {@code DROP} closes (the default), resets or blackholes the connection. {@code noreply}
 * commands get no reply, as from memcached. The binary protocol is relayed uninspected.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MemcachedInspector implements ProtocolInspector {

  /** The protocol name. */
  public static final String NAME = "memcached";

  static final String COMMAND = "command";
  static final String KEY = "key";
  static final Logger LOG = LoggerFactory.getLogger(MemcachedInspector.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> matchKeys() {
    return Set.of(COMMAND, KEY);
  }

  @Override
  public void validate(Rule rule) {
    new MemcachedRuleValidator(rule, this).validate();
  }

  /** Commands ignore case; keys are case-sensitive and have no segments. */
  @Override
  public Glob glob(String key, String pattern) {
    return key.equals(COMMAND) ? Glob.compile(pattern, Glob.NO_SEPARATOR, true) : keyGlob(pattern);
  }

  static Glob keyGlob(String pattern) {
    return Glob.compile(pattern, Glob.NO_SEPARATOR, false);
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new MemcachedSession();
  }
}
