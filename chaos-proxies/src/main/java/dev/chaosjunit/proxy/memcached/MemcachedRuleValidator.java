package dev.chaosjunit.proxy.memcached;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.rule.Glob;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks that a rule can be carried out on Memcached, naming the offending element and the fix. */
final class MemcachedRuleValidator {

  private static final Set<DropMode> MODES = EnumSet.of(DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE);

  private final Rule rule;
  private final MemcachedInspector inspector;

  MemcachedRuleValidator(Rule rule, MemcachedInspector inspector) {
    this.rule = rule;
    this.inspector = inspector;
  }

  void validate() {
    require(rule.direction() == Direction.UPSTREAM, "matches commands only: use direction [upstream]");
    for (String key : rule.match().keySet()) {
      require(inspector.matchKeys().contains(key), "has no match key [" + key + "] for memcached: use [command] or [key]");
    }
    Action action = rule.action();
    if (action instanceof Action.Error error) {
      require(error.code().isEmpty() && error.params().isEmpty(), "has error code [" + error.code() + "] or parameters "
          + error.params().keySet() + ": a memcached error is SERVER_ERROR and its message, set the message alone");
      require(error.message().indexOf('\r') < 0 && error.message().indexOf('\n') < 0,
          "has a line break in its error message: SERVER_ERROR carries it on one line, remove CR and LF");
    } else if (action instanceof Action.Respond respond) {
      validateRespond(respond);
    } else if (action instanceof Action.Drop drop) {
      require(MODES.contains(drop.modeOr(DropMode.CLOSE)),
          "has drop mode [" + drop.modeOr(DropMode.CLOSE).wireName() + "]: use close, reset or blackhole");
    } else {
      require(action instanceof Action.Delay, "has action [" + action.type() + "], which memcached does not support:"
          + " use error, respond (miss, not_stored), delay or drop");
    }
  }

  /** A canned reply must be one of the two, for commands that can get it, named by [command]. */
  private void validateRespond(Action.Respond respond) {
    String reply = respond.param(MemcachedReplies.REPLY).orElse("");
    require(respond.params().size() == 1 && MemcachedReplies.COMMANDS.containsKey(reply), "has respond parameters "
        + respond.params() + ": use [reply] alone, [miss] or [not_stored]");
    Set<String> fitting = new TreeSet<>(MemcachedReplies.COMMANDS.get(reply));
    String pattern = rule.match().get(MemcachedInspector.COMMAND);
    require(pattern != null, "answers [" + reply + "] without a [command]: match one of " + fitting);
    Glob glob = inspector.glob(MemcachedInspector.COMMAND, pattern);
    Set<String> matched = MemcachedReplies.COMMANDS.values().stream().flatMap(Set::stream).filter(glob::matches)
        .collect(Collectors.toCollection(TreeSet::new));
    require(!matched.isEmpty() && fitting.containsAll(matched), "answers [" + reply + "] to commands " + matched
        + " of [command] [" + pattern + "]: match only commands of " + fitting);
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("memcached rule [" + rule.name() + "] " + problem);
    }
  }
}
