package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a protocol rule does to a message it matches. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RuleAction {
  /** Answer with a protocol-correct error ({@code code}, {@code message}, protocol extras). */
  ERROR,
  /** Hold the message back for {@code ms} milliseconds. */
  DELAY,
  /** Drop it: {@code mode} = {@code close}, {@code reset} or {@code blackhole}. */
  DROP,
  /** Answer with a canned reply instead of the server. */
  RESPOND,
  /** Send the request twice. */
  DUPLICATE
}
