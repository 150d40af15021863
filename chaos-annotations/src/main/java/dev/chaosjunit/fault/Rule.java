package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A protocol rule, in the engine's generic form: which messages it matches (match key to glob) and what
 * it does to them (action type plus protocol-specific parameters), with how often. Built by the
 * protocol builders of {@link FaultTarget}, e.g. {@code Fault.on("db").postgres().query("INSERT*")}.
 *
 * @param service the service
 * @param protocol the protocol the rule is written for, e.g. {@code postgres}
 * @param stream which messages it looks at: requests ({@link Stream#UPSTREAM}) or responses
 * @param match match key to glob, e.g. {@code sql=INSERT*}
 * @param action what it does
 * @param params the action's parameters, e.g. {@code code=53100, message=disk full}
 * @param probability 0..1
 * @param after matching messages to let pass first
 * @param times maximum firings, 0 = unlimited
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Rule(
    String service,
    String protocol,
    Stream stream,
    Map<String, String> match,
    RuleAction action,
    Map<String, String> params,
    double probability,
    long after,
    long times) implements FaultEffect {

  public Rule {
    Fault.requireName(service, "service");
    Fault.requireName(protocol, "protocol");
    Fault.requireProbability(probability, "probability");
    Fault.requireNonNegative(after, "after");
    Fault.requireNonNegative(times, "times");
    match = Fault.ordered(match);
    params = Fault.ordered(params);
  }

  @Override
  public String describe() {
    return protocol + " " + match + " -> " + action.name().toLowerCase(java.util.Locale.ROOT) + " " + params;
  }
}
