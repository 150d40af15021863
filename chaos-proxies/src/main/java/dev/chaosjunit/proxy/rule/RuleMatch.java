package dev.chaosjunit.proxy.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Rule;
import org.apiguardian.api.API;

/**
 * A rule that fired for one message: the inspector carries out {@code rule().action()}.
 *
 * @param rule the rule, as it was added
 * @param firing 1 for the rule's first firing on this proxy, then 2, 3...
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RuleMatch(Rule rule, long firing) {

  /** The action to carry out. */
  public Action action() {
    return rule.action();
  }
}
