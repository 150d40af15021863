package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A protocol rule: which messages it matches, what it does to them, and how often. Built by the
 * protocol builders of {@link FaultTarget} (e.g. {@code Fault.on("db").postgres().query("INSERT*")}) or
 * read from the admin API's JSON; the engine takes it as it is.
 *
 * <p>A message matches when every entry of {@code match} matches one of the message's values for that
 * key, by the engine's glob. Then the rule fires when the message's ordinal among the matching ones
 * passes the limits ({@code after} skips the first N matches, {@code times} caps the firings, 0 =
 * unlimited) and a seeded draw passes {@code probability}.
 *
 * @param name unique per proxy: the engine's id, events and counters use it; blank until the rule is
 *     {@link #named named} (the extension names it after the {@code @FaultAssumption})
 * @param protocol the protocol it is written for, e.g. {@code postgres}; blank = the proxy's protocol
 * @param direction which messages it looks at: requests ({@link Direction#UPSTREAM}) or responses
 * @param match match key to glob, e.g. {@code sql=INSERT*}, in a stable order
 * @param action what it does
 * @param probability 0..1, 1 = always
 * @param after matching messages to let pass before the rule may fire
 * @param times maximum firings, 0 = unlimited
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Rule(
    String name,
    String protocol,
    Direction direction,
    Map<String, String> match,
    Action action,
    double probability,
    long after,
    long times) implements Effect {

  public Rule {
    name = name == null ? "" : name;
    protocol = protocol == null ? "" : protocol;
    if (direction == null || action == null) {
      throw new IllegalArgumentException("rule [" + name + "]: direction and action are required");
    }
    match = Checks.ordered(match);
    Checks.probability(probability, "rule [" + name + "]: probability");
    Checks.nonNegative(after, "rule [" + name + "]: after");
    Checks.nonNegative(times, "rule [" + name + "]: times");
  }

  @Override
  public Rule named(String newName) {
    return new Rule(newName, protocol, direction, match, action, probability, after, times);
  }

  @Override
  public String describe() {
    return (protocol.isEmpty() ? "" : protocol + " ") + direction.wireName() + " " + match + " -> " + action.describe()
        + (probability < 1 ? " probability=" + probability : "") + (after > 0 ? " after=" + after : "")
        + (times > 0 ? " times=" + times : "");
  }
}
