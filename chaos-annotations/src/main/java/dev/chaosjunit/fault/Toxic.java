package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * An L4 toxic with Toxiproxy's semantics and attribute names.
 *
 * @param service the service
 * @param type the Toxiproxy toxic type, e.g. {@code latency}, {@code bandwidth}, {@code limit_data}
 * @param stream the direction affected
 * @param toxicity the probability (0..1) that a connection is affected
 * @param attributes the toxic's attributes (e.g. {@code latency=3000, jitter=0}), in a stable order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Toxic(String service, String type, Stream stream, double toxicity, Map<String, Long> attributes)
    implements FaultEffect {

  public Toxic {
    Fault.requireName(service, "service");
    Fault.requireName(type, "toxic type");
    Fault.requireProbability(toxicity, "toxicity");
    attributes = Fault.ordered(attributes);
  }

  @Override
  public String describe() {
    String attrs = attributes.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
    return type + " " + stream.toxiproxyName() + " (" + attrs + ")"
        + (toxicity < 1 ? " toxicity=" + toxicity : "");
  }
}
