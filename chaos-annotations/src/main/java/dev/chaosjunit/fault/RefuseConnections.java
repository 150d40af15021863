package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The service is down: its proxy refuses new connections and closes the open ones (Toxiproxy's
 * disabled proxy).
 *
 * @param service the service
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RefuseConnections(String service) implements FaultEffect {

  public RefuseConnections {
    Fault.requireName(service, "service");
  }

  @Override
  public String describe() {
    return "refuse connections";
  }
}
