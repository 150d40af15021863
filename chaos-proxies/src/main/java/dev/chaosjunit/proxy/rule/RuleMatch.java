package dev.chaosjunit.proxy.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A rule that fired for one message: the inspector carries out {@code rule().action()}.
 *
 * @param rule the rule
 * @param firing 1 for the rule's first firing on this proxy, then 2, 3...
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RuleMatch(RuleSpec rule, long firing) {

  /** The action to carry out. */
  public ActionSpec action() {
    return rule.action();
  }
}
