package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A Memcached rule (text and meta protocol): commands that carry keys match {@code command} (as sent,
 * e.g. {@code get}, {@code set}, {@code mg}) and {@code key} (every key of a multi-get). {@link #serverError}
 * answers {@code SERVER_ERROR} in place of the server, {@link #miss()} makes reads miss and
 * {@link #notStored()} makes writes fail without reaching the server; {@link #drop()} closes the connection.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MemcachedRule extends RuleBuilder<MemcachedRule> {

  MemcachedRule(String service) {
    super(service, "memcached");
  }

  /** Matches commands by name, e.g. {@code set} or {@code get*}. */
  public MemcachedRule command(String commandGlob) {
    return match("command", commandGlob);
  }

  /** Matches commands with a key that matches, e.g. {@code session:*}; a multi-get matches when one of its keys does. */
  public MemcachedRule key(String keyGlob) {
    return match("key", keyGlob);
  }

  /**
   * Answers {@code SERVER_ERROR <message>} (e.g. {@code out of memory storing object}) in place of the server's
   * reply; the command, with its data block, never reaches the server. A {@code noreply} command gets nothing.
   */
  public Fault serverError(String message) {
    return build(Action.Error.of("", message));
  }

  /**
   * Makes matching reads miss without reaching the server: {@code get} leaves the matched keys out of its
   * {@code VALUE}s, {@code mg} answers {@code EN}, {@code delete}, {@code incr}, {@code decr} and {@code touch}
   * answer {@code NOT_FOUND}, {@code md} and {@code ma} {@code NF}. Needs a {@link #command} of those.
   */
  public Fault miss() {
    return respond(Map.of("reply", "miss"));
  }

  /**
   * Makes matching writes fail without reaching the server: the storage commands answer {@code NOT_STORED},
   * {@code ms} answers {@code NS}. Needs a {@link #command} of those.
   */
  public Fault notStored() {
    return respond(Map.of("reply", "not_stored"));
  }
}
