package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/** A rule for any protocol the engine knows, with raw match keys and action parameters. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GenericRule extends RuleBuilder<GenericRule> {

  GenericRule(String service, String protocol) {
    super(service, Fault.requireName(protocol, "protocol"));
  }

  /** Matches messages whose value for {@code key} matches the glob. */
  public GenericRule where(String key, String glob) {
    return match(key, glob);
  }

  /** Answers with a protocol error described by raw parameters (at least {@code code}). */
  public Fault error(Map<String, String> params) {
    return build(RuleAction.ERROR, params);
  }

  /** Ends the build with any action and raw parameters. */
  public Fault action(RuleAction action, Map<String, String> params) {
    return build(action, params);
  }
}
