package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How often a fault met traffic and how often it acted, since it was added.
 *
 * <p>A toxic <em>fired</em> when it was applied to at least one chunk (or, for {@code timeout}, to a
 * connection); chunks or connections that toxicity spared count as seen only. A rule is seen for each
 * message matching its keys, and fires when its after/times limits and its probability let it.
 *
 * @param seen chunks (toxic) or matching messages (rule)
 * @param fired chunks a toxic was applied to, or a rule's firings
 * @param connections distinct connections on which the fault fired
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaultCounters(long seen, long fired, long connections) {

  /** Whether the fault acted at least once. */
  public boolean hasFired() {
    return fired > 0;
  }
}
