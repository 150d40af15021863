package dev.chaosjunit.proxy.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A protocol rule: which messages it matches and what it does to them, with how often.
 *
 * <p>A message matches when every entry of {@code match} matches one of the message's values for that
 * key, by {@link Glob}. Then the rule fires when the message's ordinal among the matching ones passes
 * the limits ({@code after} skips the first N matches, {@code times} caps the firings, 0 = unlimited)
 * and a seeded draw passes {@code probability}.
 *
 * @param name unique per proxy
 * @param direction which messages it looks at
 * @param match match key to glob
 * @param action what it does
 * @param probability 0..1, 1 = always
 * @param after matching messages to let pass before the rule may fire
 * @param times maximum firings, 0 = unlimited
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RuleSpec(
    String name,
    Direction direction,
    Map<String, String> match,
    ActionSpec action,
    double probability,
    long after,
    long times) {

  public RuleSpec {
    match = Map.copyOf(match);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("rule name must not be blank");
    }
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException(
          "rule [" + name + "]: probability must be between 0 and 1, was [" + probability + "]");
    }
    if (after < 0 || times < 0) {
      throw new IllegalArgumentException(
          "rule [" + name + "]: after and times must be >= 0, were [" + after + "] and [" + times + "]");
    }
  }
}
